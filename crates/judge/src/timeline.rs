//! Statutory deadlines of a dossier: each step of the edition's `[[deadline]]` table, counted in
//! working days from the `review` date that starts it (R14–R17).

use crate::calendar::Calendar;
use crate::edition::{Actor, Edition, Limit};
use crate::judge::Judged;
use crate::outcome::Outcome;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepStatus {
    Done,
    DoneLate,
    Due,
    Overdue,
    Waiting,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub id: String,
    pub clause: String,
    pub actor: Actor,
    pub limit: Limit,
    pub working_days: u32,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// R14: the due date on the literal reading (clause 5 counted from the application).
    pub literal_due: Option<NaiveDate>,
    /// R17: the earliest day the literal text allows the step ("after N working days").
    pub literal_earliest: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    /// The step was recorded done before its period started: the dates disagree.
    pub done_before_start: bool,
    pub status: StepStatus,
    /// For `due`: working days left after today, up to and including the due date.
    pub working_days_left: Option<u32>,
    /// For `overdue` and `done-late`: working days past the due date.
    pub working_days_late: Option<u32>,
    /// A year the period crosses that the calendar does not know: the due date is uncertain.
    pub unknown_year: Option<i32>,
    /// Years the period crosses whose day-off transfers the built-in calendar could not confirm.
    pub unconfirmed_years: Vec<i32>,
}

/// The steps of one judged dossier, on its calendar.
pub fn steps(judged: &Judged, calendar: &Calendar, today: NaiveDate) -> Vec<Step> {
    let edition: &Edition = &judged.edition;
    let review = &judged.file.review;
    edition
        .deadlines
        .iter()
        .filter(|d| !d.only_on_inclusion || judged.outcome == Outcome::Include)
        .filter(|d| !d.only_on_refusal || judged.outcome == Outcome::Refuse)
        .filter(|d| !d.only_when_started || review.date(&d.starts).is_some())
        .filter(|d| {
            !d.only_when_listed || review.records_listing(judged.outcome == Outcome::Include)
        })
        .map(|d| {
            let start = review.date(&d.starts);
            let due = start.map(|s| calendar.add_working_days(s, d.working_days));
            let literal_due = d
                .literal_starts
                .as_ref()
                .and_then(|k| review.date(k))
                .map(|s| calendar.add_working_days(s, d.working_days));
            let literal_earliest = start
                .zip(d.literal_earliest)
                .map(|(s, n)| calendar.add_working_days(s, n));
            let done = review.date(&d.done);
            // A start after the check date has not happened yet.
            let started = start.is_some_and(|s| s <= today) || done.is_some();
            let (status, left, late) = match (due, done) {
                (None, _) => (StepStatus::Waiting, None, None),
                (Some(_), None) if !started => (StepStatus::Waiting, None, None),
                (Some(due), Some(done)) if done <= due => (StepStatus::Done, None, None),
                (Some(due), Some(done)) => (
                    StepStatus::DoneLate,
                    None,
                    Some(calendar.working_days_between(due, done)),
                ),
                (Some(due), None) if today <= due => (
                    StepStatus::Due,
                    Some(calendar.working_days_between(today, due)),
                    None,
                ),
                (Some(due), None) => (
                    StepStatus::Overdue,
                    None,
                    Some(calendar.working_days_between(due, today)),
                ),
            };
            Step {
                id: d.id.clone(),
                clause: d.clause.clone(),
                actor: d.actor,
                limit: d.limit,
                working_days: d.working_days,
                start,
                due,
                literal_due,
                literal_earliest,
                done,
                done_before_start: start.zip(done).is_some_and(|(s, d)| d < s),
                status,
                working_days_left: left,
                working_days_late: late,
                unknown_year: start
                    .zip(due)
                    .and_then(|(start, due)| calendar.unknown_year(start, due)),
                unconfirmed_years: start
                    .zip(due)
                    .map(|(start, due)| calendar.unconfirmed_years(start, due))
                    .unwrap_or_default(),
            }
        })
        .collect()
}
