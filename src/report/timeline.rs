//! `dossier timeline`: statutory steps as JSON, as one dossier's table, or as the reviewer's
//! to-do list over many dossiers (everything due or overdue, soonest first).

use crate::edition::{Actor, Limit};
use crate::lang::Lang;
use crate::timeline::{Step, StepStatus};
use comfy_table::{Cell, Color};
use serde::Serialize;

/// One dossier's steps, for output.
pub struct DossierSteps<'a> {
    pub path: &'a str,
    pub object: Option<&'a str>,
    pub steps: &'a [Step],
    /// Step ids with their titles in the report language.
    pub titles: Vec<String>,
}

#[derive(Serialize)]
struct Json<'a> {
    schema: u32,
    dossiers: Vec<JsonDossier<'a>>,
}

#[derive(Serialize)]
struct JsonDossier<'a> {
    path: &'a str,
    steps: Vec<JsonStep<'a>>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    clause: &'a str,
    actor: &'static str,
    start: Option<String>,
    due: Option<String>,
    done: Option<String>,
    status: StepStatus,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    literal_due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    working_days_left: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    working_days_late: Option<u32>,
}

pub fn actor_id(a: Actor) -> &'static str {
    match a {
        Actor::StateBody => "state-body",
        Actor::AuthorizedBody => "authorized-body",
        Actor::ServiceIntegrator => "service-integrator",
    }
}

fn actor_word(a: Actor, lang: Lang) -> &'static str {
    match (lang, a) {
        (Lang::En, Actor::StateBody) => "state body",
        (Lang::En, Actor::AuthorizedBody) => "authorized body",
        (Lang::En, Actor::ServiceIntegrator) => "service integrator",
        (Lang::Ru, Actor::StateBody) => "государственный орган",
        (Lang::Ru, Actor::AuthorizedBody) => "уполномоченный орган",
        (Lang::Ru, Actor::ServiceIntegrator) => "сервисный интегратор",
        (Lang::Kk, Actor::StateBody) => "мемлекеттік орган",
        (Lang::Kk, Actor::AuthorizedBody) => "өкілетті орган",
        (Lang::Kk, Actor::ServiceIntegrator) => "сервистік интегратор",
    }
}

fn status_word(step: &Step, lang: Lang) -> String {
    let left = step.working_days_left.unwrap_or(0);
    let late = step.working_days_late.unwrap_or(0);
    match (lang, step.status) {
        (Lang::En, StepStatus::Done) => "done".into(),
        (Lang::En, StepStatus::DoneLate) => format!("done {late} WD late"),
        (Lang::En, StepStatus::Due) if left == 0 => "due today".into(),
        (Lang::Ru, StepStatus::Due) if left == 0 => "срок истекает сегодня".into(),
        (Lang::Kk, StepStatus::Due) if left == 0 => "мерзімі бүгін бітеді".into(),
        (Lang::En, StepStatus::Due) => format!("due: {left} WD left"),
        (Lang::En, StepStatus::Overdue) => format!("overdue by {late} WD"),
        (Lang::En, StepStatus::Waiting) => "waiting".into(),
        (Lang::Ru, StepStatus::Done) => "выполнено".into(),
        (Lang::Ru, StepStatus::DoneLate) => format!("выполнено с опозданием на {late} р. д."),
        (Lang::Ru, StepStatus::Due) => format!("срок идёт: осталось {left} р. д."),
        (Lang::Ru, StepStatus::Overdue) => format!("просрочено на {late} р. д."),
        (Lang::Ru, StepStatus::Waiting) => "ожидает начала".into(),
        (Lang::Kk, StepStatus::Done) => "орындалды".into(),
        (Lang::Kk, StepStatus::DoneLate) => format!("{late} ж. к. кешігіп орындалды"),
        (Lang::Kk, StepStatus::Due) => format!("мерзім жүріп жатыр: {left} ж. к. қалды"),
        (Lang::Kk, StepStatus::Overdue) => format!("{late} ж. к. мерзімі өтті"),
        (Lang::Kk, StepStatus::Waiting) => "басталуын күтуде".into(),
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("—".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

pub fn json(dossiers: &[DossierSteps]) -> String {
    let j = Json {
        schema: 1,
        dossiers: dossiers
            .iter()
            .map(|d| JsonDossier {
                path: d.path,
                steps: d
                    .steps
                    .iter()
                    .map(|s| JsonStep {
                        clause: &s.clause,
                        actor: actor_id(s.actor),
                        start: s.start.map(|d| d.to_string()),
                        due: s.due.map(|d| d.to_string()),
                        done: s.done.map(|d| d.to_string()),
                        status: s.status,
                        id: &s.id,
                        literal_due: s.literal_due.map(|d| d.to_string()),
                        working_days_left: s.working_days_left,
                        working_days_late: s.working_days_late,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&j).expect("serializes");
    s.push('\n');
    s
}

fn painted(mut cell: Cell, step: &Step, color: bool) -> Cell {
    if color {
        cell = cell.fg(match step.status {
            StepStatus::Overdue | StepStatus::DoneLate => Color::Red,
            StepStatus::Due => Color::Yellow,
            StepStatus::Done => Color::Green,
            StepStatus::Waiting => Color::DarkGrey,
        });
    }
    cell
}

pub fn human(dossiers: &[DossierSteps], lang: Lang, color: bool, width: Option<u16>) -> String {
    let mut t = super::human::new_table(color, width);
    let mut out = String::new();
    if let [one] = dossiers {
        out.push_str(&format!(
            "{}{}\n",
            one.path,
            one.object.map_or(String::new(), |o| format!(" — {o}"))
        ));
        t.set_header(match lang {
            Lang::En => ["Clause", "Step", "Who", "Start", "Due", "Done", "Status"],
            Lang::Ru => [
                "Пункт",
                "Шаг",
                "Кто",
                "Начало",
                "Срок",
                "Выполнено",
                "Статус",
            ],
            Lang::Kk => [
                "Тармақ",
                "Қадам",
                "Кім",
                "Басы",
                "Мерзімі",
                "Орындалды",
                "Мәртебе",
            ],
        });
        for (s, title) in one.steps.iter().zip(&one.titles) {
            let mut due = date(s.due);
            if let Some(lit) = s.literal_due.filter(|l| Some(*l) != s.due) {
                // R14: the literal reading counts clause 5 from the application.
                due = format!(
                    "{due}\n({} {})",
                    match lang {
                        Lang::En => "literal:",
                        Lang::Ru => "буквально:",
                        Lang::Kk => "сөзбе-сөз:",
                    },
                    lit
                );
            }
            if s.limit == Limit::After {
                due.push_str(" *");
            }
            t.add_row(vec![
                Cell::new(&s.clause),
                Cell::new(title),
                Cell::new(actor_word(s.actor, lang)),
                Cell::new(date(s.start)),
                Cell::new(due),
                Cell::new(date(s.done)),
                painted(Cell::new(status_word(s, lang)), s, color),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if one.steps.iter().any(|s| s.limit == Limit::After) {
            out.push_str(match lang {
                Lang::En => "* clause 10 says \"он жұмыс күні өткеннен кейін\" (after ten working days); the 10th working day is shown (R17)\n",
                Lang::Ru => "* в пункте 10 сказано «по истечении десяти рабочих дней»; показан 10-й рабочий день (R17)\n",
                Lang::Kk => "* 10-тармақта «он жұмыс күні өткеннен кейін» делінген; 10-жұмыс күні көрсетілген (R17)\n",
            });
        }
        return out;
    }
    // Many dossiers: the reviewer's to-do list.
    let mut todo: Vec<(&DossierSteps, &Step, &String)> = dossiers
        .iter()
        .flat_map(|d| d.steps.iter().zip(&d.titles).map(move |(s, t)| (d, s, t)))
        .filter(|(_, s, _)| matches!(s.status, StepStatus::Due | StepStatus::Overdue))
        .collect();
    todo.sort_by(|a, b| a.1.due.cmp(&b.1.due).then_with(|| a.0.path.cmp(b.0.path)));
    t.set_header(match lang {
        Lang::En => [
            "Due", "Dossier", "Object", "Clause", "Step", "Who", "Status",
        ],
        Lang::Ru => ["Срок", "Досье", "Объект", "Пункт", "Шаг", "Кто", "Статус"],
        Lang::Kk => [
            "Мерзімі",
            "Досье",
            "Объект",
            "Тармақ",
            "Қадам",
            "Кім",
            "Мәртебе",
        ],
    });
    for (d, s, title) in &todo {
        t.add_row(vec![
            painted(Cell::new(date(s.due)), s, color),
            Cell::new(d.path),
            Cell::new(d.object.unwrap_or("—")),
            Cell::new(&s.clause),
            Cell::new(*title),
            Cell::new(actor_word(s.actor, lang)),
            painted(Cell::new(status_word(s, lang)), s, color),
        ]);
    }
    if todo.is_empty() {
        out.push_str(match lang {
            Lang::En => "Nothing is due or overdue.\n",
            Lang::Ru => "Нет шагов со сроком или просрочкой.\n",
            Lang::Kk => "Мерзімі жүріп жатқан немесе өткен қадам жоқ.\n",
        });
    } else {
        out.push_str(&t.to_string());
        out.push('\n');
    }
    out
}
