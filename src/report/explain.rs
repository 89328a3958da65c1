//! `dossier score` for people: one dossier's score explained row by row, or a portfolio table.

use super::CheckReport;
use crate::edition::{Criterion, Edition, FactType, Op, Threshold};
use crate::facts::Value;
use crate::judge::{DossierReport, WhatIf};
use crate::lang::Lang;
use crate::outcome::Outcome;
use crate::score::{CriterionResult, CriterionStatus, Failure, Score};
use comfy_table::{Cell, CellAlignment, Color, Table};
use std::fmt::Write;

#[derive(Debug, Clone)]
pub struct Options<'a> {
    pub lang: Lang,
    pub color: bool,
    pub width: Option<u16>,
    /// Full wording of each row instead of one shortened line.
    pub long: bool,
    pub what_if: &'a WhatIf,
}

/// The explanation of one dossier, or the portfolio of several.
pub fn render(report: &CheckReport, single: bool, opts: &Options) -> String {
    if single && let Some(d) = report.dossiers.first() {
        explain(report, d, opts)
    } else {
        portfolio(report, opts)
    }
}

fn new_table(opts: &Options) -> Table {
    super::human::new_table(opts.color, opts.width)
}

fn explain(report: &CheckReport, d: &DossierReport, opts: &Options) -> String {
    let lang = opts.lang;
    let mut out = String::new();
    let edition = d.edition.as_deref().and_then(|id| report.editions.get(id));
    let _ = writeln!(
        out,
        "{} — {} ({}, {})",
        d.path,
        d.object_name.as_deref().unwrap_or("?"),
        d.kind_name.as_deref().unwrap_or("?"),
        d.edition.as_deref().unwrap_or("?")
    );
    let (Some(edition), Some(score)) = (edition, d.score.as_ref()) else {
        let why = if d.outcome == Outcome::Invalid {
            tr!(lang, en: "the dossier is invalid: see the errors above", ru: "досье содержит ошибки: см. сообщения выше", kk: "досьеде қателер бар: жоғарыдағы хабарламаларды қараңыз")
        } else {
            tr!(lang, en: "this kind is not scored under this edition", ru: "этот вид объектов по данной редакции не оценивается", kk: "бұл редакция бойынша объектінің бұл түрі бағаланбайды")
        };
        let _ = writeln!(out, "{why}");
        return out;
    };

    let mut t = new_table(opts);
    t.set_header(match lang {
        Lang::En => ["Row", "Criterion", "Fact", "Test", "Status", "Points"],
        Lang::Ru => ["Строка", "Критерий", "Факт", "Проверка", "Статус", "Баллы"],
        Lang::Kk => ["Жол", "Өлшемшарт", "Факт", "Тексеру", "Мәртебе", "Балл"],
    });
    for g in &edition.groups {
        t.add_row(vec![
            Cell::new(&g.id),
            Cell::new(shorten(g.title.get(lang), opts.long)),
            Cell::new(""),
            Cell::new(""),
            Cell::new(""),
            Cell::new(""),
        ]);
        for c in score.criteria.iter().filter(|c| c.group == g.id) {
            let Some(row) = edition.criterion(&c.id) else {
                continue;
            };
            let mut status = Cell::new(status_word(lang, c.status));
            if opts.color {
                status = status.fg(match c.status {
                    CriterionStatus::Met => Color::Green,
                    CriterionStatus::NotMet => Color::Red,
                    CriterionStatus::Unknown => Color::Yellow,
                    CriterionStatus::NotApplicable => Color::DarkGrey,
                });
            }
            let mut wording = shorten(row.wording.get(lang), opts.long);
            if c.overridden {
                wording = format!("{wording}\n{}", c.basis);
            }
            t.add_row(vec![
                Cell::new(&c.id),
                Cell::new(wording),
                Cell::new(&c.fact),
                Cell::new(test(lang, edition, row, c)),
                status,
                Cell::new(c.points).set_alignment(CellAlignment::Right),
            ]);
        }
        if let Some(gs) = score.groups.iter().find(|x| x.id == g.id) {
            let id = &g.id;
            let label = tr!(lang, en: "group {id} subtotal", ru: "итого по группе {id}", kk: "{id}-топ бойынша барлығы");
            t.add_row(vec![
                Cell::new(""),
                Cell::new(label),
                Cell::new(""),
                Cell::new(""),
                Cell::new(""),
                Cell::new(format!("{}/{}", gs.points, gs.max)).set_alignment(CellAlignment::Right),
            ]);
        }
    }
    out.push_str(&t.to_string());
    out.push('\n');
    let _ = writeln!(out, "{}", total_line(lang, score));
    let _ = writeln!(out, "{}", verdict(lang, edition, score));

    if let Some(before) = &d.baseline {
        out.push('\n');
        out.push_str(&what_if_section(
            lang,
            edition,
            before,
            score,
            d,
            opts.what_if,
        ));
    }

    let unknown: Vec<String> = score
        .criteria
        .iter()
        .filter(|c| c.unstated())
        .map(|c| format!("{} ({})", c.fact, c.id))
        .collect();
    if !unknown.is_empty() {
        let head = tr!(lang, en: "Still to state under `facts`:", ru: "Ещё не указано в `facts`:", kk: "`facts` ішінде әлі көрсетілмеген:");
        let _ = writeln!(out, "\n{head} {}", unknown.join(", "));
    }

    out.push('\n');
    if score.passed {
        out.push_str(&margin_line(lang, &score.margin));
    } else {
        out.push_str(&to_pass_section(lang, edition, score));
    }
    if lang == Lang::Ru && edition.edition.russian_unofficial {
        out.push_str("\nПримечание: русский текст критериев — неофициальный рабочий перевод казахского текста Правил.\n");
    }
    out
}

/// One line of the wording, unless the whole is asked for.
fn shorten(text: &str, long: bool) -> String {
    const MAX: usize = 64;
    if long || text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ' ', '(']))
}

fn status_word(lang: Lang, s: CriterionStatus) -> &'static str {
    match (lang, s) {
        (Lang::En, CriterionStatus::Met) => "met",
        (Lang::En, CriterionStatus::NotMet) => "not met",
        (Lang::En, CriterionStatus::Unknown) => "unknown",
        (Lang::En, CriterionStatus::NotApplicable) => "not applicable",
        (Lang::Ru, CriterionStatus::Met) => "выполнен",
        (Lang::Ru, CriterionStatus::NotMet) => "не выполнен",
        (Lang::Ru, CriterionStatus::Unknown) => "нет данных",
        (Lang::Ru, CriterionStatus::NotApplicable) => "не применяется",
        (Lang::Kk, CriterionStatus::Met) => "орындалды",
        (Lang::Kk, CriterionStatus::NotMet) => "орындалмады",
        (Lang::Kk, CriterionStatus::Unknown) => "дерек жоқ",
        (Lang::Kk, CriterionStatus::NotApplicable) => "қолданылмайды",
    }
}

/// "4200 > 1000", "yes", "not stated (> 1000)".
fn test(lang: Lang, edition: &Edition, row: &Criterion, c: &CriterionResult) -> String {
    let needs = needs(lang, edition, row);
    match (c.status, c.value) {
        (CriterionStatus::NotApplicable, _) => "—".to_string(),
        (_, _) if c.overridden => {
            tr!(lang, en: "reviewer's override", ru: "решение проверяющего", kk: "тексерушінің шешімі")
        }
        (_, Some(Value::Number(v))) => {
            let unit = unit(edition, row);
            format!(
                "{}{unit} {} {}{unit}",
                number(lang, v),
                row.op.symbol(),
                threshold(lang, row.threshold)
            )
        }
        (_, Some(Value::Flag(b))) => crate::messages::yes_no(lang, b),
        (_, None) => {
            tr!(lang, en: "not stated ({needs})", ru: "не указан ({needs})", kk: "көрсетілмеген ({needs})")
        }
    }
}

/// "> 1,000", "≥ 50%" or "yes".
fn needs(lang: Lang, edition: &Edition, row: &Criterion) -> String {
    match row.threshold {
        Threshold::Flag(b) => crate::messages::yes_no(lang, b),
        Threshold::Number(_) => format!(
            "{} {}{}",
            row.op.symbol(),
            threshold(lang, row.threshold),
            unit(edition, row)
        ),
    }
}

/// `%` after values of a percent fact.
fn unit(edition: &Edition, row: &Criterion) -> &'static str {
    match edition.fact(&row.fact) {
        Some(f) if f.kind == FactType::Percent => "%",
        _ => "",
    }
}

fn threshold(lang: Lang, t: Threshold) -> String {
    match t {
        Threshold::Flag(b) => crate::messages::yes_no(lang, b),
        Threshold::Number(n) => number(lang, n),
    }
}

/// Groups thousands the way each language writes them: 100,000 / 100 000.
pub fn number(lang: Lang, n: f64) -> String {
    let plain = crate::facts::format_number(n);
    let (int, frac) = plain
        .split_once('.')
        .map_or((plain.as_str(), None), |(i, f)| (i, Some(f)));
    let sep = if lang == Lang::En { ',' } else { ' ' };
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (i, ch) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && ch.is_ascii_digit() {
            grouped.push(sep);
        }
        grouped.push(*ch);
    }
    match frac {
        Some(f) if lang == Lang::En => format!("{grouped}.{f}"),
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

fn total_line(lang: Lang, s: &Score) -> String {
    let (total, max) = (s.total, s.max);
    tr!(lang, en: "Total: {total} of {max}", ru: "Всего: {total} из {max}", kk: "Барлығы: {max} балдың {total}")
}

/// Names the condition of the pass rule that failed (R3), or says it passes.
fn verdict(lang: Lang, edition: &Edition, s: &Score) -> String {
    let clause = &edition.scoring.clause;
    let min = edition.scoring.min_total;
    let per = edition.scoring.min_group_points;
    if s.passed {
        let (total, max) = (s.total, s.max);
        return tr!(lang,
            en: "Verdict: passes clause {clause} — {total} of {max} points (at least {min} needed) and at least {per} in each group",
            ru: "Итог: критерии пункта {clause} пройдены — {total} из {max} баллов (нужно не менее {min}) и не менее {per} в каждой группе",
            kk: "Қорытынды: {clause}-тармақтың өлшемшарттары орындалды — {max} балдың {total} (кемінде {min} қажет), әр топта кемінде {per}");
    }
    let reasons: Vec<String> = s
        .failures
        .iter()
        .map(|f| match f {
            Failure::TotalBelow { total, min } => tr!(lang,
                en: "the total {total} is below {min}",
                ru: "сумма {total} меньше {min}",
                kk: "жиынтық {total} {min} балдан аз"),
            Failure::GroupBelow { group, points, min } => {
                let title = edition
                    .groups
                    .iter()
                    .find(|g| &g.id == group)
                    .map_or("", |g| g.title.get(lang));
                let title = shorten(title, false);
                tr!(lang,
                    en: "group {group} ({title}) has {points} points, at least {min} needed",
                    ru: "группа {group} ({title}) набрала {points} баллов, нужно не менее {min}",
                    kk: "{group}-топ ({title}) {points} балл жинады, кемінде {min} қажет")
            }
        })
        .collect();
    let reasons = reasons.join("; ");
    tr!(lang,
        en: "Verdict: fails clause {clause} — {reasons}",
        ru: "Итог: критерии пункта {clause} не пройдены — {reasons}",
        kk: "Қорытынды: {clause}-тармақтың өлшемшарттары орындалмады — {reasons}")
}

fn to_pass_section(lang: Lang, edition: &Edition, s: &Score) -> String {
    let mut out = if s.to_pass.iter().all(|set| set.len() == 1) {
        tr!(lang,
            en: "To pass, meet any one of these rows:\n",
            ru: "Чтобы пройти, выполните любую из строк:\n",
            kk: "Өту үшін мына жолдардың кез келгенін орындаңыз:\n")
    } else {
        tr!(lang,
            en: "To pass, meet all rows of any one of these sets:\n",
            ru: "Чтобы пройти, выполните все строки любого из наборов:\n",
            kk: "Өту үшін мына жиындардың кез келгенінің барлық жолдарын орындаңыз:\n")
    };
    let explain_row = |id: &String| -> String {
        match (
            edition.criterion(id),
            s.criteria.iter().find(|c| &c.id == id),
        ) {
            (Some(row), Some(c)) => format!("{id} — {}", distance(lang, edition, row, c)),
            _ => id.clone(),
        }
    };
    for set in &s.to_pass {
        if let [only] = set.as_slice() {
            let _ = writeln!(out, "  • {}", explain_row(only));
            continue;
        }
        let and = tr!(lang, en: " and ", ru: " и ", kk: " және ");
        let _ = writeln!(out, "  • {}", set.join(&and));
        for id in set {
            let _ = writeln!(out, "      {}", explain_row(id));
        }
    }
    if s.to_pass.is_empty() {
        out = tr!(lang,
            en: "No combination of the rows not yet met can pass the criteria.\n",
            ru: "Никакое сочетание невыполненных строк не позволит пройти критерии.\n",
            kk: "Орындалмаған жолдардың ешбір тіркесімі өлшемшарттардан өтуге мүмкіндік бермейді.\n");
    }
    out
}

/// "active registered users: 950, needs > 1,000: 51 more"
fn distance(lang: Lang, edition: &Edition, row: &Criterion, c: &CriterionResult) -> String {
    let fact = edition.fact(&row.fact);
    let label = fact.map_or(row.fact.as_str(), |f| f.label.get(lang));
    let needs = needs(lang, edition, row);
    match (c.value, row.threshold) {
        _ if c.overridden => {
            let basis = &c.basis;
            tr!(lang, en: "{basis}; needs to be met", ru: "{basis}; нужно выполнить", kk: "{basis}; орындау қажет")
        }
        (Some(Value::Number(v)), Threshold::Number(t)) => {
            let whole = fact.is_some_and(|f| f.kind == FactType::Count);
            let gap = match row.op {
                Op::Greater if whole => t.floor() + 1.0 - v,
                Op::Greater => t - v,
                Op::AtLeast | Op::Equal => t - v,
            };
            let (v, gap) = (number(lang, v), number(lang, (gap * 100.0).round() / 100.0));
            if row.op == Op::Greater && !whole {
                tr!(lang, en: "{label}: {v}, needs {needs}: more than {gap} more", ru: "{label}: {v}, нужно {needs}: ещё более {gap}", kk: "{label}: {v}, {needs} қажет: тағы {gap} астам")
            } else {
                tr!(lang, en: "{label}: {v}, needs {needs}: {gap} more", ru: "{label}: {v}, нужно {needs}: ещё {gap}", kk: "{label}: {v}, {needs} қажет: тағы {gap}")
            }
        }
        (Some(Value::Flag(b)), _) => {
            let now = crate::messages::yes_no(lang, b);
            tr!(lang, en: "{label}: {now}, needs {needs}", ru: "{label}: {now}, нужно {needs}", kk: "{label}: {now}, {needs} қажет")
        }
        _ => {
            tr!(lang, en: "{label}: not stated, needs {needs}", ru: "{label}: не указано, нужно {needs}", kk: "{label}: көрсетілмеген, {needs} қажет")
        }
    }
}

fn margin_line(lang: Lang, margin: &[String]) -> String {
    if margin.is_empty() {
        tr!(lang,
            en: "Margin: losing any single row would not make it fail.\n",
            ru: "Запас: потеря любой одной строки не приведёт к провалу.\n",
            kk: "Қор: кез келген бір жолды жоғалту нәтижені өзгертпейді.\n")
    } else {
        let rows = margin.join(", ");
        tr!(lang,
            en: "Margin: it would fail if it lost any one of rows {rows}.\n",
            ru: "Запас: критерии не будут пройдены при потере любой из строк {rows}.\n",
            kk: "Қор: {rows} жолдарының кез келгенін жоғалтса, өлшемшарттар орындалмайды.\n")
    }
}

fn what_if_section(
    lang: Lang,
    edition: &Edition,
    before: &Score,
    after: &Score,
    d: &DossierReport,
    what_if: &WhatIf,
) -> String {
    let mut changes: Vec<String> = what_if
        .facts
        .iter()
        .map(|(k, v)| format!("--fact {k}={v}"))
        .collect();
    changes.extend(
        what_if
            .criteria
            .iter()
            .map(|(k, v)| format!("--set {k}={}", if *v { "yes" } else { "no" })),
    );
    let changes = changes.join(", ");
    let mut out = tr!(lang, en: "What-if ({changes}), nothing on disk changed:\n", ru: "Что если ({changes}); на диске ничего не изменено:\n", kk: "Егер ({changes}); дискіде ештеңе өзгермеді:\n");
    for (b, a) in before.criteria.iter().zip(&after.criteria) {
        if b.status != a.status || b.points != a.points {
            let _ = writeln!(
                out,
                "  {}: {} → {} ({} → {})",
                a.id,
                status_word(lang, b.status),
                status_word(lang, a.status),
                b.points,
                a.points
            );
        }
    }
    if !d.what_if_not_applicable.is_empty() {
        let rows = d.what_if_not_applicable.join(", ");
        let _ = writeln!(
            out,
            "  {}",
            tr!(lang, en: "not applicable to this kind, ignored: {rows}", ru: "не применяются к этому виду, пропущены: {rows}", kk: "бұл түрге қолданылмайды, өткізілді: {rows}")
        );
    }
    let word = |passed: bool| match (lang, passed) {
        (Lang::En, true) => "passes",
        (Lang::En, false) => "fails",
        (Lang::Ru, true) => "пройдены",
        (Lang::Ru, false) => "не пройдены",
        (Lang::Kk, true) => "орындалды",
        (Lang::Kk, false) => "орындалмады",
    };
    let (b, a, bt, at, max) = (
        word(before.passed),
        word(after.passed),
        before.total,
        after.total,
        after.max,
    );
    let clause = &edition.scoring.clause;
    let _ = writeln!(
        out,
        "  {}",
        tr!(lang,
            en: "verdict on clause {clause}: {b} → {a}; total {bt} → {at} of {max}",
            ru: "итог по пункту {clause}: {b} → {a}; всего {bt} → {at} из {max}",
            kk: "{clause}-тармақ бойынша қорытынды: {b} → {a}; барлығы {bt} → {at} / {max}")
    );
    out
}

fn portfolio(report: &CheckReport, opts: &Options) -> String {
    let lang = opts.lang;
    let mut rows: Vec<&DossierReport> = report.dossiers.iter().collect();
    // Best first: by outcome, then by total, then by path.
    rows.sort_by(|a, b| {
        b.outcome
            .cmp(&a.outcome)
            .then_with(|| total(b).cmp(&total(a)))
            .then_with(|| a.path.cmp(&b.path))
    });
    let group_ids: Vec<String> = {
        let mut ids: Vec<String> = report
            .editions
            .iter()
            .flat_map(|e| e.groups.iter().map(|g| g.id.clone()))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let mut t = new_table(opts);
    let mut header: Vec<String> = match lang {
        Lang::En => vec!["Dossier", "Object", "Kind"],
        Lang::Ru => vec!["Досье", "Объект", "Вид"],
        Lang::Kk => vec!["Досье", "Объект", "Түрі"],
    }
    .into_iter()
    .map(String::from)
    .collect();
    for g in &group_ids {
        header.push(match lang {
            Lang::En => format!("Group {g}"),
            Lang::Ru => format!("Группа {g}"),
            Lang::Kk => format!("{g}-топ"),
        });
    }
    header.extend(
        match lang {
            Lang::En => ["Total", "Passes", "Outcome"],
            Lang::Ru => ["Всего", "Пройдены", "Итог"],
            Lang::Kk => ["Барлығы", "Өтті", "Нәтиже"],
        }
        .map(String::from),
    );
    t.set_header(header);
    for d in &rows {
        let mut cells = vec![
            Cell::new(&d.path),
            Cell::new(d.object_name.as_deref().unwrap_or("—")),
            Cell::new(d.kind_name.as_deref().or(d.kind.as_deref()).unwrap_or("—")),
        ];
        for g in &group_ids {
            let points = d
                .score
                .as_ref()
                .and_then(|s| s.groups.iter().find(|x| &x.id == g));
            cells.push(
                Cell::new(points.map_or("—".to_string(), |p| format!("{}/{}", p.points, p.max)))
                    .set_alignment(CellAlignment::Right),
            );
        }
        cells.push(
            Cell::new(
                d.score
                    .as_ref()
                    .map_or("—".to_string(), |s| format!("{}/{}", s.total, s.max)),
            )
            .set_alignment(CellAlignment::Right),
        );
        let passes = d.score.as_ref().map_or("—".to_string(), |s| {
            crate::messages::yes_no(lang, s.passed)
        });
        let mut passes = Cell::new(passes);
        if opts.color
            && let Some(s) = &d.score
        {
            passes = passes.fg(if s.passed { Color::Green } else { Color::Red });
        }
        cells.push(passes);
        let grounds: Vec<&str> = d.grounds.iter().map(|g| g.code.as_str()).collect();
        cells.push(Cell::new(super::human::outcome_label(
            lang, d.outcome, &grounds,
        )));
        t.add_row(cells);
    }
    let mut out = t.to_string();
    out.push('\n');
    let scored: Vec<&&DossierReport> = rows.iter().filter(|d| d.score.is_some()).collect();
    let pass = scored
        .iter()
        .filter(|d| d.score.as_ref().is_some_and(|s| s.passed))
        .count();
    let n = scored.len();
    let _ = write!(
        out,
        "\n{}",
        tr!(lang, en: "{pass} of {n} scored dossiers pass the criteria", ru: "критерии проходят {pass} из {n} оценённых досье", kk: "бағаланған {n} досьенің {pass} өлшемшарттардан өтеді")
    );
    if !opts.what_if.is_empty() {
        let before = scored
            .iter()
            .filter(|d| {
                d.baseline
                    .as_ref()
                    .or(d.score.as_ref())
                    .is_some_and(|s| s.passed)
            })
            .count();
        let _ = write!(
            out,
            "{}",
            tr!(lang, en: " ({before} before the what-if)", ru: " ({before} без изменений «что если»)", kk: " («егер» өзгерістерінсіз {before})")
        );
    }
    out.push('\n');
    out
}

fn total(d: &DossierReport) -> u32 {
    d.score.as_ref().map_or(0, |s| s.total)
}
