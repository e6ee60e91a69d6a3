//! The checks of a rule profile's entries, each problem named by its entry.

use super::*;

/// Collects problems while building the validated profile.
#[derive(Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
}

impl Checker {
    pub(super) fn fail(&mut self, entry: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { entry: entry.into(), message: message.into() });
    }

    pub(super) fn count(&mut self, entry: &str, field: &str, value: i64) -> u32 {
        if value < 0 {
            self.fail(entry, format!("{field} 不能为负数（现为 {value}）"));
            return 0;
        }
        if value > crate::profile::MAX_COUNT {
            self.fail(
                entry,
                format!(
                    "{field} 数值过大（现为 {value}，规则中的年数、月数、天数等不应超过 {}）",
                    crate::profile::MAX_COUNT
                ),
            );
            return 0;
        }
        value as u32
    }

    /// A count that must lie in `range` (a 公示 of 1–60 working days, a percent).
    pub(super) fn within(&mut self, entry: &str, field: &str, value: i64, range: std::ops::RangeInclusive<u32>) -> u32 {
        let v = self.count(entry, field, value);
        if !range.contains(&v) && (0..=crate::profile::MAX_COUNT).contains(&value) {
            self.fail(entry, format!("{field} 应在 {}–{} 之间（现为 {value}）", range.start(), range.end()));
            return *range.start();
        }
        v
    }

    pub(super) fn grades(&mut self, entry: &str, g: [i64; 2]) -> (u32, u32) {
        let [high, low] = g;
        if !(1..=27).contains(&high) || !(1..=27).contains(&low) || high > low {
            self.fail(entry, format!("级别范围应为 [最高, 最低]，取值 1–27，且最高不大于最低（现为 [{high}, {low}]）"));
        }
        (high.max(0) as u32, low.max(0) as u32)
    }

    /// The 职位类别, registered by name and alias.
    pub(super) fn categories(&mut self, index: &mut Index, raw: Vec<Category>) -> Vec<crate::profile::Category> {
        let mut categories = Vec::new();
        for (i, cat) in raw.into_iter().enumerate() {
            self.register(&mut index.categories, "职位类别", &cat.name, &cat.aliases, i);
            categories.push(crate::profile::Category {
                key: cat.key,
                name: cat.name,
                aliases: cat.aliases,
                cite: cite(cat.cite, cat.status),
            });
        }
        categories
    }

    /// One ladder per category, its ranks one level apart, registered by name and alias.
    pub(super) fn ladders(
        &mut self,
        index: &mut Index,
        raw: Vec<Ladder>,
        categories: &[crate::profile::Category],
    ) -> Vec<crate::profile::Ladder> {
        let mut ladders: Vec<crate::profile::Ladder> = Vec::new();
        for lad in raw {
            let entry = format!("职级序列「{}」", lad.category);
            let Some(&ci) = index.categories.get(&squeeze(&lad.category)) else {
                self.fail(&entry, "职位类别未在规则中定义");
                continue;
            };
            let category = categories[ci].name.clone();
            if ladders.iter().any(|l| l.category == category) {
                self.fail(&entry, "同一职位类别有两个职级序列");
                continue;
            }
            let mut ranks = Vec::new();
            for r in lad.ranks {
                let rentry = format!("{entry}中的职级「{}」", r.name);
                let level = self.count(&rentry, "level", r.level);
                let grades = self.grades(&rentry, r.grades);
                ranks.push(crate::profile::Rank { name: r.name, level, grades, aliases: r.aliases });
            }
            ranks.sort_by_key(|r| r.level);
            if ranks.is_empty() {
                self.fail(&entry, "没有任何职级");
            }
            for w in ranks.windows(2) {
                if w[1].level == w[0].level {
                    self.fail(
                        &entry,
                        format!("「{}」与「{}」的层级相同（第{}层级）", w[0].name, w[1].name, w[0].level),
                    );
                } else if w[1].level != w[0].level + 1 {
                    self.fail(
                        &entry,
                        format!(
                            "「{}」（第{}层级）与「{}」（第{}层级）之间缺少层级",
                            w[0].name, w[0].level, w[1].name, w[1].level
                        ),
                    );
                }
            }
            let li = ladders.len();
            for (ri, r) in ranks.iter().enumerate() {
                self.register(&mut index.ranks, "职级", &r.name, &r.aliases, RankRef { ladder: li, index: ri });
            }
            ladders.push(crate::profile::Ladder { category, ranks, cite: cite(lad.cite, lad.status) });
        }
        for cat in categories {
            if !ladders.iter().any(|l| l.category == cat.name) {
                self.fail(format!("职位类别「{}」", cat.name), "没有对应的职级序列");
            }
        }
        ladders
    }

    /// The 领导职务层次, registered by name and alias.
    pub(super) fn leading_posts(&mut self, index: &mut Index, raw: Vec<Post>) -> Vec<crate::profile::LeadingPost> {
        let mut leading_posts = Vec::new();
        for (i, p) in raw.into_iter().enumerate() {
            let entry = format!("领导职务层次「{}」", p.name);
            let grades = p.grades.map(|g| self.grades(&entry, g));
            self.register(&mut index.posts, "领导职务层次", &p.name, &p.aliases, i);
            leading_posts.push(crate::profile::LeadingPost {
                name: p.name,
                aliases: p.aliases,
                grades,
                cite: cite(p.cite, p.status),
            });
        }
        leading_posts
    }

    /// The starting rank by education, its 级别 within the rank's range.
    pub(super) fn starting_ranks(
        &mut self,
        index: &Index,
        raw: Vec<StartingRank>,
        ladders: &[crate::profile::Ladder],
    ) -> Vec<crate::profile::StartingRank> {
        let mut starting_ranks = Vec::new();
        let mut educations = HashMap::default();
        for (i, sr) in raw.into_iter().enumerate() {
            let entry = format!("起始职级「{}」", sr.education);
            self.register(&mut educations, "起始职级", &sr.education, &sr.aliases, i);
            let Some(r) = index.ranks.get(&squeeze(&sr.rank)).copied() else {
                self.fail(&entry, format!("职级「{}」未定义", sr.rank));
                continue;
            };
            let rank = &ladders[r.ladder].ranks[r.index];
            let grade = self.count(&entry, "grade（级别）", sr.grade);
            if grade < rank.grades.0 || grade > rank.grades.1 {
                self.fail(
                    &entry,
                    format!("级别 {grade} 不在{}的级别范围 {}–{} 内", rank.name, rank.grades.0, rank.grades.1),
                );
            }
            starting_ranks.push(crate::profile::StartingRank {
                education: sr.education,
                aliases: sr.aliases,
                rank: rank.name.clone(),
                grade,
                cite: cite(sr.cite, sr.status),
            });
        }
        starting_ranks
    }

    /// The retirement ages: ranks and leading-post levels named as the profile defines them.
    pub(super) fn retirement(
        &mut self,
        index: &Index,
        raw: Vec<RetirementRaw>,
        ladders: &[crate::profile::Ladder],
        posts: &[crate::profile::LeadingPost],
    ) -> Vec<crate::profile::Retirement> {
        let mut out = Vec::new();
        for r in raw {
            let entry = format!("退休年龄「{}{}岁」", r.gender, r.age);
            let ranks = r
                .ranks
                .iter()
                .filter_map(|n| match index.ranks.get(&squeeze(n)) {
                    Some(x) => Some(ladders[x.ladder].ranks[x.index].name.clone()),
                    None => {
                        self.fail(&entry, format!("职级「{n}」未定义"));
                        None
                    }
                })
                .collect();
            let post_levels = r
                .post_levels
                .iter()
                .filter_map(|n| match index.posts.get(&squeeze(n)) {
                    Some(&i) => Some(posts[i].name.clone()),
                    None => {
                        self.fail(&entry, format!("领导职务层次「{n}」未定义"));
                        None
                    }
                })
                .collect();
            let raised_from = r.raised_from.and_then(|v| {
                let d = v.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()));
                if d.is_none() {
                    self.fail(&entry, format!("raised_from「{v}」不是日期"));
                }
                d
            });
            let step_months = self.count(&entry, "step_months（每几个月延迟一个月）", r.step_months);
            if raised_from.is_some() && step_months == 0 {
                self.fail(&entry, "给出 raised_from 时 step_months 须大于 0");
            }
            out.push(crate::profile::Retirement {
                gender: squeeze(&r.gender),
                ranks,
                post_levels,
                age: self.count(&entry, "age（年龄）", r.age),
                raised_from,
                step_months,
                max_raise_months: self.count(&entry, "max_raise_months（最多延迟月数）", r.max_raise_months),
                cite: cite(r.cite, r.status),
            });
        }
        out
    }

    /// The minimum service for every rank reached by promotion, one rule each.
    pub(super) fn min_service(
        &mut self,
        index: &mut Index,
        raw: Vec<MinService>,
        ladders: &[crate::profile::Ladder],
        leading_posts: &[crate::profile::LeadingPost],
    ) -> Vec<crate::profile::MinService> {
        let mut min_service = Vec::new();
        for m in raw {
            let entry = format!("最低任职年限「{}」", m.target);
            let years = self.count(&entry, "years（年限）", m.years);
            let Some(target) = index.ranks.get(&squeeze(&m.target)).copied() else {
                self.fail(&entry, "晋升目标职级未在任何职级序列中定义");
                continue;
            };
            let target_name = ladders[target.ladder].ranks[target.index].name.clone();
            if target.index + 1 >= ladders[target.ladder].ranks.len() {
                self.fail(&entry, "该职级是序列中最低的职级，不存在由下一职级晋升的情形");
            }
            let mut posts = Vec::new();
            for p in m.posts {
                match index.posts.get(&squeeze(&p)) {
                    Some(&pi) => posts.push(leading_posts[pi].name.clone()),
                    None => self.fail(&entry, format!("可计算年限的领导职务层次「{p}」未定义")),
                }
            }
            if index.min_service.insert(target, min_service.len()).is_some() {
                self.fail(&entry, "同一目标职级有两条最低任职年限");
            }
            min_service.push(crate::profile::MinService {
                target: target_name,
                years,
                posts,
                cite: cite(m.cite, m.status),
            });
        }
        for (li, lad) in ladders.iter().enumerate() {
            for index_in_ladder in 0..lad.ranks.len().saturating_sub(1) {
                let r = RankRef { ladder: li, index: index_in_ladder };
                if !index.min_service.contains_key(&r) {
                    self.fail(
                        format!("职级「{}」", lad.ranks[index_in_ladder].name),
                        "缺少晋升该职级的最低任职年限（min_service）",
                    );
                }
            }
        }
        min_service
    }

    /// How service is counted: the years not counted, 优秀's reduction, the probation.
    pub(super) fn service(&mut self, sv: Service) -> ServiceRules {
        let mut uncounted = Vec::new();
        for g in &sv.uncounted {
            match ResultCode::parse(g) {
                Some(code) => uncounted.push(code),
                None => self.fail(
                    "service.uncounted",
                    format!("未知的考核等次或结果代码「{g}」（可用等次名称或 5A、5B、5C、6A 等代码）"),
                ),
            }
        }
        if uncounted.contains(&ResultCode::Graded(Grade::Excellent))
            || uncounted.contains(&ResultCode::Graded(Grade::Competent))
        {
            self.fail("service.uncounted", "优秀、称职年度应计算为任职年限");
        }
        ServiceRules {
            uncounted,
            cite: cite(sv.uncounted_cite, sv.uncounted_status),
            excellent_months: self.count("service", "excellent_months（优秀缩短月数）", sv.excellent_months),
            excellent_cite: cite(sv.excellent_cite, sv.excellent_status),
            excellent_years: sv.excellent_years,
            excellent_from: sv.excellent_from,
            excellent_timing_cite: cite(sv.excellent_timing_cite, sv.excellent_timing_status),
            from_probation_end: sv.from_probation_end,
            probation_cite: cite(sv.probation_cite, sv.probation_status),
        }
    }

    /// The 处分 and 处理 that block a promotion, with their periods.
    pub(super) fn restrictions(&mut self, index: &mut Index, raw: Vec<Restriction>) -> Vec<RestrictionRule> {
        let mut restrictions = Vec::new();
        for (i, r) in raw.into_iter().enumerate() {
            let entry = format!("处分或处理「{}」", r.kind);
            let block = match r.block.as_str() {
                "sanction" => RestrictionBlock::Sanction,
                "party_discipline" => RestrictionBlock::PartyDiscipline,
                "admonition" => RestrictionBlock::Admonition,
                "investigation" => RestrictionBlock::Investigation,
                other => {
                    self.fail(
                        &entry,
                        format!(
                            "block 应为 sanction、party_discipline、admonition 或 investigation（现为「{other}」）"
                        ),
                    );
                    continue;
                }
            };
            let months = r.months.map(|m| self.count(&entry, "months（影响期月数）", m));
            self.register(&mut index.restrictions, "处分或处理", &r.kind, &r.aliases, i);
            let period = r
                .period
                .unwrap_or_else(|| if block == RestrictionBlock::Sanction { "处分期" } else { "影响期" }.to_string());
            restrictions.push(RestrictionRule {
                kind: r.kind,
                aliases: r.aliases,
                block,
                months,
                period,
                import_warning: r.import_warning,
                cite: cite(r.cite, r.status),
            });
        }
        restrictions
    }

    /// What 基本称职 and 不称职 do to a promotion, and the 级别 on promotion.
    pub(super) fn grade_rules(
        &mut self,
        index: &Index,
        bc: BasicCompetent,
        ic: Incompetent,
        lp: LevelOnPromotionRaw,
        ladders: &[crate::profile::Ladder],
    ) -> (BasicCompetentRule, IncompetentRule, LevelOnPromotion) {
        let bc_grade = Grade::from_name(&bc.grade).unwrap_or_else(|| {
            self.fail("basic_competent", format!("未知的考核等次「{}」", bc.grade));
            Grade::BasicallyCompetent
        });
        let years_after = self.count("basic_competent", "years_after", bc.years_after);
        let basic_competent = BasicCompetentRule { grade: bc_grade, years_after, cite: cite(bc.cite, bc.status) };
        let ic_grade = Grade::from_name(&ic.grade).unwrap_or_else(|| {
            self.fail("incompetent", format!("未知的考核等次「{}」", ic.grade));
            Grade::Incompetent
        });
        let incompetent = IncompetentRule { grade: ic_grade, cite: cite(ic.cite, ic.status) };
        let mut keep_in_range = Vec::new();
        for r in &lp.keep_in_range {
            match index.ranks.get(&squeeze(r)) {
                Some(rr) => keep_in_range.push(ladders[rr.ladder].ranks[rr.index].level),
                None => self.fail("level_on_promotion.keep_in_range", format!("职级「{r}」未定义")),
            }
        }
        let level_on_promotion = LevelOnPromotion {
            steps: self.count("level_on_promotion", "steps", lp.steps),
            keep_in_range,
            cite: cite(lp.cite, lp.status),
        };
        (basic_competent, incompetent, level_on_promotion)
    }

    /// The 机关层级 and the highest rank each may set.
    pub(super) fn organ_levels(
        &mut self,
        index: &mut Index,
        raw: Vec<OrganLevel>,
        ladders: &[crate::profile::Ladder],
    ) -> Vec<crate::profile::OrganLevel> {
        let mut organ_levels = Vec::new();
        for (i, o) in raw.into_iter().enumerate() {
            let entry = format!("机关层级「{}」", o.name);
            match index.ranks.get(&squeeze(&o.max_rank)) {
                Some(r) => {
                    let name = ladders[r.ladder].ranks[r.index].name.clone();
                    self.register(&mut index.organ_levels, "机关层级", &o.name, &o.aliases, i);
                    organ_levels.push(crate::profile::OrganLevel {
                        name: o.name,
                        aliases: o.aliases,
                        max_rank: name,
                        import_warning: o.import_warning,
                        cite: cite(o.cite, o.status),
                    });
                }
                None => self.fail(&entry, format!("可设置的最高职级「{}」未定义", o.max_rank)),
            }
        }
        organ_levels
    }

    /// The 职数 pools, each rank in one pool at most.
    pub(super) fn pools(
        &mut self,
        index: &mut Index,
        raw: Vec<Pool>,
        ladders: &[crate::profile::Ladder],
    ) -> Vec<crate::profile::Pool> {
        let mut pools = Vec::new();
        for p in raw {
            let entry = format!("职数池「{}」", p.name);
            let pi = pools.len();
            let mut ranks = Vec::new();
            for r in &p.ranks {
                match index.ranks.get(&squeeze(r)).copied() {
                    Some(rr) => {
                        if let Some(prev) = index.rank_pool.insert(rr, pi) {
                            let prev_name: &crate::profile::Pool = &pools[prev];
                            self.fail(&entry, format!("职级「{r}」已属于职数池「{}」", prev_name.name));
                        }
                        ranks.push(ladders[rr.ladder].ranks[rr.index].name.clone());
                    }
                    None => self.fail(&entry, format!("职级「{r}」未定义")),
                }
            }
            if p.ranks.is_empty() {
                self.fail(&entry, "没有列出任何职级");
            }
            self.register(&mut index.pools, "职数池", &p.name, &[], pi);
            pools.push(crate::profile::Pool { name: p.name, ranks, cite: cite(p.cite, p.status) });
        }
        pools
    }

    /// The per-rank limits inside a pool, by organ level.
    pub(super) fn sub_limits(
        &mut self,
        index: &Index,
        raw: Vec<SubLimitRaw>,
        found: (&[crate::profile::Ladder], &[crate::profile::Pool], &[crate::profile::OrganLevel]),
    ) -> Vec<SubLimit> {
        let mut sub_limits = Vec::new();
        let (ladders, pools, organ_levels) = found;
        for sl in raw {
            let entry = format!("职数限额「{}」", sl.rank);
            let percent = self.within(&entry, "percent", sl.percent, 0..=100);
            let Some(&pi) = index.pools.get(&squeeze(&sl.pool)) else {
                self.fail(&entry, format!("职数池「{}」未定义", sl.pool));
                continue;
            };
            let Some(rank) = index.ranks.get(&squeeze(&sl.rank)).copied() else {
                self.fail(&entry, format!("职级「{}」未定义", sl.rank));
                continue;
            };
            if index.rank_pool.get(&rank) != Some(&pi) {
                self.fail(&entry, format!("职级「{}」不属于职数池「{}」", sl.rank, sl.pool));
                continue;
            }
            let mut levels = Vec::new();
            for l in &sl.organ_levels {
                match index.organ_levels.get(&squeeze(l)) {
                    Some(&li) => levels.push(organ_levels[li].name.clone()),
                    None => self.fail(&entry, format!("机关层级「{l}」未定义")),
                }
            }
            sub_limits.push(SubLimit {
                pool: pools[pi].name.clone(),
                rank: ladders[rank.ladder].ranks[rank.index].name.clone(),
                percent,
                organ_levels: levels,
                cite: cite(sl.cite, sl.status),
            });
        }
        sub_limits
    }

    /// The titles used before 2019-06 and the ranks they were converted to.
    pub(super) fn old_titles(
        &mut self,
        index: &Index,
        raw: Option<OldTitlesRaw>,
        ladders: &[crate::profile::Ladder],
    ) -> OldTitles {
        let old_titles = match raw {
            None => OldTitles { map: Vec::new(), cite: cite(String::new(), Status::S) },
            Some(ot) => {
                let mut map = Vec::new();
                for t in ot.map {
                    let entry = format!("旧职务名称「{}」", t.old);
                    if index.ranks.contains_key(&squeeze(&t.old)) {
                        self.fail(&entry, "与现行职级名称或别名重复");
                    }
                    match index.ranks.get(&squeeze(&t.rank)) {
                        Some(r) => map.push((squeeze(&t.old), ladders[r.ladder].ranks[r.index].name.clone())),
                        None => self.fail(&entry, format!("套转职级「{}」未定义", t.rank)),
                    }
                }
                OldTitles { map, cite: cite(ot.cite, ot.status) }
            }
        };
        old_titles
    }

    /// The order of candidates for a pool's free places.
    pub(super) fn ordering(&mut self, raw: Ordering) -> crate::profile::Ordering {
        let mut keys = Vec::new();
        for k in &raw.keys {
            match k.as_str() {
                "counted_months" => keys.push(OrderKey::CountedMonths),
                "excellent_years" => keys.push(OrderKey::ExcellentYears),
                "service_start" => keys.push(OrderKey::ServiceStart),
                "id" => keys.push(OrderKey::Id),
                other => self.fail(
                    "ordering.keys",
                    format!("未知的排序项「{other}」（可用 counted_months、excellent_years、service_start、id）"),
                ),
            }
        }
        crate::profile::Ordering { keys, cite: cite(raw.cite, raw.status) }
    }

    /// The official holidays and working weekends by year (for 公示 periods).
    pub(super) fn holidays(&mut self, raw: Vec<HolidayYearRaw>) -> Vec<crate::profile::HolidayYear> {
        let mut holidays: Vec<crate::profile::HolidayYear> = Vec::new();
        for h in raw {
            let entry = format!("节假日安排「{}年」", h.year);
            let Ok(year) = i32::try_from(h.year) else {
                self.fail(&entry, "年份无效");
                continue;
            };
            if holidays.iter().any(|x| x.year == year) {
                self.fail(&entry, "同一年份出现两次");
            }
            let mut dates = |list: Vec<toml::value::Datetime>, what: &str| -> Vec<NaiveDate> {
                let mut out = Vec::new();
                for v in list {
                    match v.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())) {
                        Some(d) if (year - 1..=year).contains(&d.year()) => out.push(d),
                        _ => self.fail(&entry, format!("{what}中的「{v}」不是该年（或上年末）的日期")),
                    }
                }
                out.sort_unstable();
                out
            };
            let off = dates(h.off, "off（放假日期）");
            let workdays = dates(h.workdays, "workdays（调休上班日期）");
            for d in &workdays {
                if !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
                    self.fail(&entry, format!("调休上班日期 {d} 不是星期六或星期日"));
                }
            }
            holidays.push(crate::profile::HolidayYear { year, off, workdays, cite: cite(h.cite, h.status) });
        }
        holidays
    }

    /// Registers `name` and its aliases in an index, reporting duplicates.
    pub(super) fn register<V: Copy>(
        &mut self,
        map: &mut HashMap<String, V>,
        what: &str,
        name: &str,
        aliases: &[String],
        value: V,
    ) {
        for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            let key = squeeze(n);
            if map.insert(key, value).is_some() {
                self.fail(format!("{what}「{name}」"), format!("名称或别名「{n}」与其他条目重复"));
            }
        }
    }
}
