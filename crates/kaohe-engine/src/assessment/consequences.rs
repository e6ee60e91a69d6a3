//! What the year's results trigger (结果运用, 考核规定 第二十一至二十五条 and the profile's
//! `[assessment]` consequences): rewards, 级别 and 档次 steps, 诫勉 and removal, each with its
//! rule and due date.

use super::*;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsequenceKind {
    Commendation,
    Merit,
    Bonus,
    Admonition,
    Demotion,
    DismissalReview,
    GradeStep,
    LevelUp,
    ReviewDeadline,
    /// A 档次 step due, withheld by a restriction in effect on its due day.
    StepWithheld,
    /// A 级别 step due, withheld likewise.
    LevelWithheld,
}

/// The profile key of a consequence kind (as in `cite_by_kind`).
pub(crate) fn kind_key(kind: ConsequenceKind) -> &'static str {
    match kind {
        ConsequenceKind::Commendation => "commendation",
        ConsequenceKind::Merit => "merit",
        ConsequenceKind::Bonus => "bonus",
        ConsequenceKind::Admonition => "admonition",
        ConsequenceKind::Demotion => "demotion",
        ConsequenceKind::DismissalReview => "dismissal_review",
        ConsequenceKind::GradeStep => "grade_step",
        ConsequenceKind::LevelUp => "level_up",
        ConsequenceKind::ReviewDeadline => "review_deadline",
        ConsequenceKind::StepWithheld => "grade_step",
        ConsequenceKind::LevelWithheld => "level_up",
    }
}

/// The numbers behind a consequence, rendered into words by [`Consequence::reason`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Detail {
    Grade(Grade),
    /// Consecutive years.
    Run(u32),
    /// Counted years from the first whole year since the 起算时间 (`since`), the current value, and (级别) the rank's highest.
    Counted {
        counted: u32,
        since: i32,
        current: u32,
        highest: Option<u32>,
    },
    /// The grade appealed against and the day the count starts from.
    Review {
        grade: Grade,
        from: Option<NaiveDate>,
    },
    /// A step that fell due (`counted` years since `since`, at `current`) on `on`, withheld by a
    /// restriction: `block` indexes the rules' `step_blocks`, `kind` its kinds; the restriction
    /// dated `from`, in effect until `until` (`None`: no end recorded).
    Withheld {
        counted: u32,
        since: i32,
        current: u32,
        on: NaiveDate,
        block: usize,
        kind: usize,
        from: NaiveDate,
        until: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consequence {
    /// Index into the result's people.
    pub assessed: usize,
    pub kind: ConsequenceKind,
    pub due: Option<NaiveDate>,
    pub detail: Detail,
}

impl Consequence {
    /// The consequence in words, for the person whose rank is `rank`.
    pub fn reason(&self, year: i32, rank: &str, rules: &AssessmentRules) -> Reason {
        let on = |d: NaiveDate| d.format("%Y年%-m月%-d日").to_string();
        let due = self.due.map(on).unwrap_or_default();
        let key = kind_key(self.kind);
        let cite = match self.detail {
            Detail::Withheld { block, .. } => rules.step_blocks.get(block).map(|b| &b.cite),
            _ => Some(rules.usage_cites.get(key).unwrap_or(&rules.usage_cite)),
        };
        let words = match (self.kind, self.detail) {
            (ConsequenceKind::Commendation, _) => format!("{year}年度考核为优秀，给予嘉奖"),
            (ConsequenceKind::Merit, Detail::Run(n)) => {
                // Whether the run starts again after a 三等功 is a setting, said with its status.
                let setting = if rules.merit_restarts { "此后连续优秀年数重新起算" } else { "此后连续优秀的每一年均再记三等功" };
                let pending = rules.merit_restarts_cite.pending();
                format!("{}—{year}年度连续{n}年考核为优秀，记三等功（{setting}{pending}）", year - n as i32 + 1)
            }
            (ConsequenceKind::Bonus, Detail::Grade(g)) => format!("{year}年度考核为{}，享受年终一次性奖金", g.name()),
            (ConsequenceKind::Admonition, _) => format!("{year}年度考核为基本称职，对其进行诫勉，责令作出书面检查，限期改进"),
            (ConsequenceKind::Demotion, _) => format!("{year}年度考核为不称职，按规定降低一个职务或者职级层次任职"),
            (ConsequenceKind::DismissalReview, Detail::Run(n)) => {
                format!("{}—{year}年度连续{n}年考核为不称职，按规定予以辞退，履行辞退程序", year - n as i32 + 1)
            }
            (ConsequenceKind::GradeStep, Detail::Counted { counted, since, current, .. }) => {
                format!("自{}年起累计{counted}个年度考核为称职以上，{due}起晋升一个档次（现{current}档）", since)
            }
            (ConsequenceKind::LevelUp, Detail::Counted { counted, since, current, highest }) => format!(
                "自{}年起累计{counted}个年度考核为称职以上，{due}起在{rank}级别范围内晋升一个级别（现{current}级，最高{}级）",
                since,
                highest.unwrap_or(current)
            ),
            (ConsequenceKind::ReviewDeadline, Detail::Review { grade, from }) => {
                let start = from.map(on).unwrap_or_else(|| "接到考核结果通知之日".into());
                let direct_due = from.and_then(|d| d.checked_add_days(Days::new(u64::from(rules.direct_appeal_days)))).map(|d| format!("（至{}）", on(d)));
                format!(
                    "对{}等次不服的，可自{start}起{}日内申请复核{}；对复核决定不服的，可自接到复核决定之日起{}日内提出申诉；也可以不经复核，自{start}起{}日内直接提出申诉{}",
                    grade.name(),
                    rules.review_days,
                    if due.is_empty() { String::new() } else { format!("（至{due}）") },
                    rules.appeal_days,
                    rules.direct_appeal_days,
                    direct_due.unwrap_or_default()
                )
            }
            (
                kind @ (ConsequenceKind::StepWithheld | ConsequenceKind::LevelWithheld),
                Detail::Withheld { counted, since, current, on: day, block, kind: k, from, until },
            ) => {
                let what = if kind == ConsequenceKind::StepWithheld {
                    format!("晋升一个档次（现{current}档）")
                } else {
                    format!("在{rank}级别范围内晋升一个级别（现{current}级）")
                };
                let restriction = rules.step_blocks.get(block).and_then(|b| b.kinds.get(k)).map(String::as_str).unwrap_or("");
                let period = match until {
                    Some(u) => format!("{}至{}", on(from), on(u)),
                    None => format!("{}起，尚无结束日期", on(from)),
                };
                format!("自{}年起累计{counted}个年度考核为称职以上，本应{}起{what}，但当日处于{restriction}的期间（{period}），暂不晋升", since, on(day))
            }
            (kind, _) => return Reason::new(format!("{year}年度：{kind:?}")),
        };
        Reason::new(words).cite_if(cite)
    }
}

pub(crate) fn consequences(
    people: &[Assessed],
    roster: &Roster,
    profile: &Profile,
    year: i32,
    history: &ByPerson<crate::roster::YearResult>,
    restrictions: &ByPerson<Restriction>,
    finalized_on: Option<NaiveDate>,
) -> Vec<Consequence> {
    let rules = &profile.assessment;
    let mut out = Vec::new();
    for (ai, a) in people.iter().enumerate() {
        let Some(g) = a.final_grade.filter(|_| a.ungraded.is_empty()) else { continue };
        let past = history.of(a.person);
        let grade_in = |y: i32| past.iter().find(|r| r.year == y && y < year).and_then(|r| r.result.grade());
        let mut push = |kind, due, detail| out.push(Consequence { assessed: ai, kind, due, detail });
        if g == Grade::Excellent {
            push(ConsequenceKind::Commendation, None, Detail::Grade(g));
            // The run of 优秀 years ending with this one; with `merit_restarts` each full run of n
            // gives one 三等功, else every year from the n-th on.
            let n = rules.merit_consecutive;
            let run = 1 + (1..).take_while(|k| grade_in(year - k) == Some(Grade::Excellent)).count() as u32;
            if n > 0 && run >= n && (!rules.merit_restarts || run.is_multiple_of(n)) {
                push(ConsequenceKind::Merit, None, Detail::Run(n));
            }
        }
        if counted(g) {
            push(ConsequenceKind::Bonus, None, Detail::Grade(g));
        }
        if g == Grade::BasicallyCompetent {
            push(ConsequenceKind::Admonition, None, Detail::Grade(g));
        }
        if g == Grade::Incompetent {
            push(ConsequenceKind::Demotion, None, Detail::Grade(g));
            let n = rules.dismissal_consecutive as i32;
            if n > 0 && (1..n).all(|k| grade_in(year - k) == Some(Grade::Incompetent)) {
                push(ConsequenceKind::DismissalReview, None, Detail::Run(n as u32));
            }
        }
        if counted(g) {
            let person = &roster.people[a.person];
            for (kind, due, detail) in
                steps(person, &grade_in, restrictions.of(a.person), profile, year).into_iter().flatten()
            {
                push(kind, due, detail);
            }
        }
        // 复核/申诉 only for 不称职 (公务员法 第九十五条第（四）项).
        if g == Grade::Incompetent {
            let due = finalized_on.and_then(|d| d.checked_add_days(Days::new(u64::from(rules.review_days))));
            push(ConsequenceKind::ReviewDeadline, due, Detail::Review { grade: g, from: finalized_on });
        }
    }
    out
}

/// A grade that counts towards 档次 and 级别 steps (称职 or better).
fn counted(g: Grade) -> bool {
    matches!(g, Grade::Excellent | Grade::Competent)
}

/// The 档次 and 级别 steps of a year graded 称职 or better that fall due on 1 January after it,
/// or are withheld that day by a restriction in effect.
///
/// 档次/级别起算时间 is the day the present 档次 (级别) took effect. The years that count are the
/// whole calendar years from then on: the year of that day counts only when the day is its
/// 1 January (the usual date), so a step of 2023-01-01 counts 2023 and one given on 2023-07-01
/// counts from 2024. This year counts itself (it is graded 称职+).
fn steps(
    person: &crate::roster::Person,
    grade_in: &dyn Fn(i32) -> Option<Grade>,
    mine: &[&Restriction],
    profile: &Profile,
    year: i32,
) -> [Option<(ConsequenceKind, Option<NaiveDate>, Detail)>; 2] {
    let rules = &profile.assessment;
    let next_year = year_start(year + 1);
    let first_year = |since: NaiveDate| if since.ordinal() == 1 { since.year() } else { since.year() + 1 };
    let counted_since = |since: NaiveDate| {
        if year < first_year(since) {
            return 0;
        }
        (first_year(since)..year).filter(|&y| grade_in(y).is_some_and(counted)).count() as u32 + 1
    };
    // Due now, or withheld by the first restriction in effect that day.
    let due = |level: bool, counted: u32, since: NaiveDate, current: u32, highest: Option<u32>| {
        let since = first_year(since);
        let (due_kind, withheld_kind) = match level {
            true => (ConsequenceKind::LevelUp, ConsequenceKind::LevelWithheld),
            false => (ConsequenceKind::GradeStep, ConsequenceKind::StepWithheld),
        };
        match withheld_by(mine, next_year, level, profile) {
            Some((block, kind, from, until)) => (
                withheld_kind,
                None,
                Detail::Withheld { counted, since, current, on: next_year, block, kind, from, until },
            ),
            None => (due_kind, Some(next_year), Detail::Counted { counted, since, current, highest }),
        }
    };
    let mut out = [None, None];
    if let (Some(step), Some(since)) = (person.step, person.step_since) {
        let n = counted_since(since);
        if n > 0 && n % rules.years_per_step == 0 {
            out[0] = Some(due(false, n, since, step, None));
        }
    }
    if let (Some(level), Some(since), Some(rank)) = (person.level, person.level_since, profile.rank_ref(&person.rank)) {
        let n = counted_since(since);
        let highest = profile.rank(rank).grades.0;
        if n > 0 && n % rules.years_per_level == 0 && level > highest {
            out[1] = Some(due(true, n, since, level, Some(highest)));
        }
    }
    out
}

/// The first restriction in effect on `day` that withholds a 级别 (`level`) or 档次 step: the
/// rules' step block and kind indices, the restriction's date and end.
fn withheld_by(
    mine: &[&Restriction],
    day: NaiveDate,
    level: bool,
    profile: &Profile,
) -> Option<(usize, usize, NaiveDate, Option<NaiveDate>)> {
    let rules = &profile.assessment;
    mine.iter().find_map(|r| {
        let (bi, b) = rules
            .step_blocks
            .iter()
            .enumerate()
            .find(|(_, b)| if level { b.level } else { b.step } && b.kinds.contains(&r.kind))?;
        let ki = b.kinds.iter().position(|k| *k == r.kind)?;
        // As promotion counts it (a kind without a period ends the day before its recorded
        // conclusion).
        let until = match profile.restriction(&r.kind) {
            Some(rule) => rule.until(r),
            None => r.end.and_then(|e| e.pred_opt()),
        };
        (r.date <= day && until.is_none_or(|u| u >= day)).then_some((bi, ki, r.date, until))
    })
}
