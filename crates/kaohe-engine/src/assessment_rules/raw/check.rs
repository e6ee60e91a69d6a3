//! The checks of the `[assessment]` section's entries, each problem named by its entry.

use super::*;

pub(super) struct Check<'p> {
    pub(super) problems: &'p mut Vec<Problem>,
}

impl Check<'_> {
    pub(super) fn fail(&mut self, entry: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { entry: entry.into(), message: message.into() });
    }

    pub(super) fn count(&mut self, entry: &str, value: i64) -> u32 {
        match u32::try_from(value) {
            Ok(v) if value <= crate::profile::MAX_COUNT => v,
            Ok(_) => {
                self.fail(
                    entry,
                    format!(
                        "数值过大（现为 {value}，规则中的年数、月数、天数等不应超过 {}）",
                        crate::profile::MAX_COUNT
                    ),
                );
                0
            }
            Err(_) => {
                self.fail(entry, format!("应为不小于0的整数（现为 {value}）"));
                0
            }
        }
    }

    pub(super) fn percent(&mut self, entry: &str, value: f64) -> BasisPoints {
        if !(0.0..=100.0).contains(&value) {
            self.fail(entry, format!("比例应在 0–100 之间（现为 {value}）"));
            return 0;
        }
        (value * 100.0).round() as BasisPoints
    }

    pub(super) fn score(&mut self, entry: &str, value: f64) -> Hundredths {
        if !(0.0..=100.0).contains(&value) {
            self.fail(entry, format!("分数应在 0–100 之间（现为 {value}）"));
        }
        (value * 100.0).round() as Hundredths
    }

    /// The 不定等次 codes and the rule each applies by.
    pub(super) fn ungraded(&mut self, raw: Vec<UngradedEntry>) -> Vec<Ungraded> {
        let mut ungraded = Vec::new();
        for u in raw {
            let entry = format!("不定等次「{}」", u.code);
            let code = ResultCode::parse(&u.code);
            let rule = match (code, u.leave_days_over, u.probation_months) {
                (Some(ResultCode::UnderInvestigation), None, None) => UngradedRule::Investigation,
                (Some(ResultCode::Sanctioned), None, None) => UngradedRule::Discipline,
                (Some(ResultCode::LongLeave), Some(days), None) => {
                    UngradedRule::Leave { days_over: self.count(&entry, days) }
                }
                (Some(ResultCode::Probation), None, Some(m)) => {
                    UngradedRule::Probation { months: self.count(&entry, m) }
                }
                _ => {
                    self.fail(&entry, "应为 5B（无参数）、5C（无参数，见 assessment.discipline）、6A（leave_days_over）或 5A（probation_months）之一");
                    continue;
                }
            };
            if ungraded.iter().any(|x: &Ungraded| Some(x.code) == code) {
                self.fail(&entry, "重复");
            }
            ungraded.push(Ungraded { code: code.unwrap_or(ResultCode::Other), rule, cite: cite(u.cite, u.status) });
        }
        ungraded
    }

    /// The 进入方式, each name and alias once, and whether it has a 试用期.
    pub(super) fn entry_methods(&mut self, raw: Vec<EntryMethodEntry>) -> Vec<EntryMethod> {
        let mut entry_methods: Vec<EntryMethod> = Vec::new();
        for e in raw {
            let entry = format!("进入方式「{}」", e.name);
            for written in std::iter::once(&e.name).chain(&e.aliases) {
                let s = squeeze(written);
                if entry_methods.iter().any(|x| x.name == s || x.aliases.iter().any(|a| squeeze(a) == s)) {
                    self.fail(&entry, format!("「{written}」已是另一进入方式的名称或别名"));
                }
            }
            entry_methods.push(EntryMethod { name: squeeze(&e.name), aliases: e.aliases, probation: e.probation });
        }
        entry_methods
    }

    /// The effect of each 处分, 党纪处分, 诫勉 or 组织处理 on the assessment; a 5C rule when one leaves a year ungraded.
    pub(super) fn discipline(
        &mut self,
        raw: Vec<DisciplineEntry>,
        names: &Names,
        ungraded: &[Ungraded],
    ) -> Vec<Discipline> {
        let mut discipline: Vec<Discipline> = Vec::new();
        for d in raw {
            let entry = format!("考核影响「{}」", d.kinds.join("、"));
            let effect = match d.effect.as_str() {
                "not_excellent" => DisciplineEffect::NotExcellent,
                "ungraded" => DisciplineEffect::Ungraded,
                "incompetent" => DisciplineEffect::Incompetent,
                other => {
                    self.fail(&entry, format!("effect 应为 not_excellent、ungraded 或 incompetent（现为「{other}」）"));
                    DisciplineEffect::NotExcellent
                }
            };
            if d.kinds.is_empty() {
                self.fail(&entry, "kinds 不能为空");
            }
            let mut kinds = Vec::new();
            for k in &d.kinds {
                match (names.restrictions)(k) {
                    Some(k) if discipline.iter().any(|x| x.kinds.contains(&k)) || kinds.contains(&k) => {
                        self.fail(&entry, format!("「{k}」重复出现在多个条目中"))
                    }
                    Some(k) => kinds.push(k),
                    None => self.fail(&entry, format!("种类「{k}」未在处分列表（restriction）中定义")),
                }
            }
            let years = self.count(&entry, d.years);
            if years == 0 {
                self.fail(&entry, "years 应不小于1（决定当年计为第1年）");
            }
            let then_ungraded_years = self.count(&entry, d.then_ungraded_years);
            discipline.push(Discipline { kinds, effect, years, then_ungraded_years, cite: cite(d.cite, d.status) });
        }
        let needs_5c = discipline.iter().any(|d| d.effect == DisciplineEffect::Ungraded || d.then_ungraded_years > 0);
        if needs_5c && !ungraded.iter().any(|u| u.rule == UngradedRule::Discipline) {
            self.fail("assessment.discipline", "有不确定等次的条目，但 assessment.ungraded 中没有 5C");
        }
        discipline
    }

    /// The 不定等次 codes counted among a pool's participants.
    pub(super) fn counted_ungraded(&mut self, codes: &[String]) -> Vec<ResultCode> {
        let mut counted_ungraded = Vec::new();
        for code in codes {
            match ResultCode::parse(code).filter(|r| r.grade().is_none()) {
                Some(r) => counted_ungraded.push(r),
                None => self
                    .fail("assessment.pools.counted_ungraded", format!("「{code}」不是不定等次代码（5A、5B、5C、6A）")),
            }
        }
        counted_ungraded
    }

    /// The 考核层次 by post or rank level; every level in one.
    pub(super) fn tiers(&mut self, raw: Vec<TierEntry>, names: &Names) -> Vec<Tier> {
        let mut tiers: Vec<Tier> = Vec::new();
        for t in raw {
            let entry = format!("考核层次「{}」", t.name);
            let mut posts = Vec::new();
            for p in t.posts {
                match (names.posts)(&p) {
                    Some(p) => posts.push(p),
                    None => self.fail(&entry, format!("领导职务层次「{p}」未定义")),
                }
            }
            let (lo, hi) = (self.count(&entry, t.levels[0]), self.count(&entry, t.levels[1]));
            if lo > hi || lo == 0 {
                self.fail(&entry, format!("levels 应为 [起, 止] 且 1 ≤ 起 ≤ 止（现为 [{lo}, {hi}]）"));
            }
            if tiers.iter().any(|x| x.name == t.name) {
                self.fail(&entry, "重复");
            }
            tiers.push(Tier { name: t.name, posts, levels: (lo, hi) });
        }
        for level in 1..=names.max_level {
            if !tiers.iter().any(|t| (t.levels.0..=t.levels.1).contains(&level)) {
                self.fail("assessment.tier", format!("第{level}层级的职级不属于任何考核层次"));
            }
        }
        tiers
    }

    /// The 优秀 ratios: the normal and the highest, the rounding, and a ratio by the organ's 绩效等次.
    pub(super) fn quota(&mut self, q: Quota) -> (BasisPoints, BasisPoints, Rounding, Vec<(String, BasisPoints)>) {
        let ratio = self.percent("assessment.quota.ratio_percent", q.ratio_percent);
        let max_ratio = self.percent("assessment.quota.max_ratio_percent", q.max_ratio_percent);
        if ratio > max_ratio {
            self.fail("assessment.quota", "ratio_percent 不能大于 max_ratio_percent");
        }
        let rounding = match q.rounding.as_str() {
            "floor" => Rounding::Floor,
            "round_half_up" => Rounding::RoundHalfUp,
            "ceiling" => Rounding::Ceiling,
            other => {
                self.fail(
                    "assessment.quota.rounding",
                    format!("应为 floor、round_half_up 或 ceiling（现为「{other}」）"),
                );
                Rounding::Floor
            }
        };
        let mut organ_rating = Vec::new();
        for r in q.organ_rating {
            let bp = self.percent(&format!("assessment.quota.organ_rating「{}」", r.rating), r.ratio_percent);
            if bp > max_ratio {
                self.fail(format!("assessment.quota.organ_rating「{}」", r.rating), "比例不能大于 max_ratio_percent");
            }
            organ_rating.push((squeeze(&r.rating), bp));
        }
        (ratio, max_ratio, rounding, organ_rating)
    }

    /// The 平时考核 rules: the grades' score bands and scores, what bars 优秀, the share of “好”.
    pub(super) fn regular(&mut self, r: &Regular) -> RegularRules {
        let mut bands = Vec::new();
        for b in &r.bands {
            let min = self.score("assessment.regular.bands", b.min);
            if let Some(g) = self.regular_grade("assessment.regular.bands", &b.grade) {
                bands.push((g, min));
            }
        }
        bands.sort_by_key(|(_, min)| std::cmp::Reverse(*min));
        if bands.last().is_none_or(|(_, min)| *min != 0) {
            self.fail("assessment.regular.bands", "最低分数段的 min 应为 0");
        }
        let mut grade_scores = Vec::new();
        for g in &r.grade_scores {
            let s = self.score("assessment.regular.grade_scores", g.score);
            if let Some(grade) = self.regular_grade("assessment.regular.grade_scores", &g.grade) {
                grade_scores.push((grade, s));
            }
        }
        let forbidden =
            r.forbidden.iter().filter_map(|g| self.regular_grade("assessment.regular.forbidden", g)).collect();
        let min_good_share = self.count("assessment.regular.min_good_share_percent", r.min_good_share_percent);
        let good_limit = self.count("assessment.regular.good_limit_percent", r.good_limit_percent);
        for (entry, v) in [
            ("assessment.regular.min_good_share_percent", min_good_share),
            ("assessment.regular.good_limit_percent", good_limit),
        ] {
            if v > 100 {
                self.fail(entry, format!("比例应在 0–100 之间（现为 {v}）"));
            }
        }
        RegularRules { bands, grade_scores, forbidden, min_good_share, good_limit }
    }

    /// How the score blends its parts, and the scores below which 基本称职 and 不称职 are suggested.
    pub(super) fn score_rules(&mut self, s: Score) -> ((u32, u32, u32), Hundredths, Hundredths) {
        let blend = (
            self.count("assessment.score.blend", s.blend.dimensions),
            self.count("assessment.score.blend", s.blend.regular),
            self.count("assessment.score.blend", s.blend.democratic),
        );
        if blend.0 + blend.1 + blend.2 == 0 {
            self.fail("assessment.score.blend", "权重不能全为 0");
        }
        let basic_below = self.score("assessment.score.basic_below", s.basic_below);
        let incompetent_below = self.score("assessment.score.incompetent_below", s.incompetent_below);
        if incompetent_below > basic_below {
            self.fail("assessment.score", "incompetent_below 不能高于 basic_below");
        }
        (blend, basic_below, incompetent_below)
    }

    /// The weights of 德能勤绩廉 by category and tier, one for all.
    pub(super) fn weights(&mut self, raw: Vec<WeightsEntry>, names: &Names, tiers: &[Tier]) -> Vec<Weights> {
        let mut weights = Vec::new();
        for w in raw {
            let entry = format!("考核权重「{}·{}」", w.category, w.tier);
            let category = if w.category == "*" {
                None
            } else {
                match (names.categories)(&w.category) {
                    Some(cat) => Some(cat),
                    None => {
                        self.fail(&entry, format!("职位类别「{}」未定义", w.category));
                        None
                    }
                }
            };
            let tier = if w.tier == "*" {
                None
            } else {
                if !tiers.iter().any(|t| t.name == w.tier) {
                    self.fail(&entry, format!("考核层次「{}」未定义", w.tier));
                }
                Some(w.tier.clone())
            };
            let mut map = BTreeMap::new();
            for (k, v) in w.weights {
                match Dimension::ALL.into_iter().find(|d| d.name() == k) {
                    Some(d) => {
                        map.insert(d, self.count(&entry, v));
                    }
                    None => self.fail(&entry, format!("「{k}」不是考核维度（德、能、勤、绩、廉）")),
                }
            }
            if map.values().sum::<u32>() == 0 {
                self.fail(&entry, "权重不能全为 0");
            }
            weights.push(Weights { category, tier, weights: map, cite: cite(w.cite, w.status) });
        }
        if !weights.iter().any(|w| w.category.is_none() && w.tier.is_none()) {
            self.fail("assessment.weights", "缺少适用于所有类别和层次（category = \"*\"、tier = \"*\"）的权重");
        }
        weights
    }

    /// The restrictions that withhold a 级别 or 档次 step.
    pub(super) fn step_blocks(&mut self, raw: Vec<StepBlockEntry>, names: &Names) -> Vec<StepBlock> {
        let mut step_blocks = Vec::new();
        for b in raw {
            let entry = format!("assessment.usage.step_block「{}」", b.kinds.join("、"));
            let mut kinds = Vec::new();
            for k in &b.kinds {
                match (names.restrictions)(k) {
                    Some(k) => kinds.push(k),
                    None => self.fail(&entry, format!("种类「{k}」未在处分列表（restriction）中定义")),
                }
            }
            let (mut level, mut step) = (false, false);
            for s in &b.stops {
                match s.as_str() {
                    "level" => level = true,
                    "step" => step = true,
                    other => self.fail(&entry, format!("stops 的值应为 level 或 step（现为「{other}」）")),
                }
            }
            step_blocks.push(StepBlock { kinds, level, step, cite: cite(b.cite, b.status) });
        }
        step_blocks
    }

    pub(super) fn regular_grade(&mut self, entry: &str, name: &str) -> Option<RegularGrade> {
        let g = RegularGrade::from_name(name);
        if g.is_none() {
            self.fail(entry, format!("未知的平时考核等次「{name}」（应为 好、较好、一般、较差）"));
        }
        g
    }
}
