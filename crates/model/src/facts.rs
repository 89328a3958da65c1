//! Facts: the measurable statements criteria are computed from, typed by the edition.

use crate::dossier::FactValue;
use crate::edition::{Fact, FactType, Op, Threshold};

/// A fact value that has passed its type check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Flag(bool),
    Number(f64),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Flag(b) => write!(f, "{b}"),
            Value::Number(n) => Number(*n).fmt(f),
        }
    }
}

/// Why a written value does not fit its fact's type (contract §5: negative numbers,
/// percentages above 100 and counts that are not whole numbers are errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeProblem {
    NotAFlag,
    NotANumber,
    Negative,
    NotWhole,
    PercentAbove100,
    /// Beyond what any count of people or bodies can be (10^15).
    TooLarge,
}

impl TypeProblem {
    pub fn code(&self) -> crate::finding::Code {
        use crate::finding::Code;
        match self {
            TypeProblem::NotAFlag | TypeProblem::NotANumber => Code::FactType,
            TypeProblem::Negative => Code::FactNegative,
            TypeProblem::NotWhole => Code::FactNotWhole,
            TypeProblem::PercentAbove100 => Code::FactPercentRange,
            TypeProblem::TooLarge => Code::FactType,
        }
    }

    /// The problem in words, for the value as written.
    pub fn message(&self, fact: &Fact, written: &str) -> crate::finding::Message {
        let key = match self {
            TypeProblem::NotAFlag => "fact.type.flag",
            TypeProblem::NotANumber => "fact.type.number",
            TypeProblem::Negative => "fact.negative",
            TypeProblem::NotWhole => "fact.not-whole",
            TypeProblem::PercentAbove100 => "fact.percent-range",
            TypeProblem::TooLarge => "fact.type.too-large",
        };
        crate::finding::Message::new(key)
            .arg("fact", &fact.name)
            .arg("written", written)
    }
}

/// Checks a written value against the fact's type.
pub fn typed(fact: &Fact, v: &FactValue) -> Result<Value, TypeProblem> {
    let number = match (fact.kind, v) {
        (FactType::Flag, FactValue::Flag(b)) => return Ok(Value::Flag(*b)),
        (FactType::Flag, _) => return Err(TypeProblem::NotAFlag),
        (_, FactValue::Integer(n)) => *n as f64,
        (_, FactValue::Number(n)) => *n,
        (_, FactValue::Flag(_) | FactValue::Text(_)) => return Err(TypeProblem::NotANumber),
    };
    if !number.is_finite() {
        return Err(TypeProblem::NotANumber);
    }
    if number < 0.0 {
        return Err(TypeProblem::Negative);
    }
    if number > 1e15 {
        return Err(TypeProblem::TooLarge);
    }
    match fact.kind {
        FactType::Count if number.fract() != 0.0 => Err(TypeProblem::NotWhole),
        FactType::Percent if number > 100.0 => Err(TypeProblem::PercentAbove100),
        _ => Ok(Value::Number(number)),
    }
}

/// Parses a value given on the command line (`--fact NAME=VALUE`): yes/no/true/false for flags.
pub fn parse_arg(fact: &Fact, raw: &str) -> Result<Value, TypeProblem> {
    let written = match raw.trim() {
        "yes" | "true" => FactValue::Flag(true),
        "no" | "false" => FactValue::Flag(false),
        s => match s.replace(['_', ' '], "").parse::<f64>() {
            Ok(n) => FactValue::Number(n),
            Err(_) => FactValue::Text(s.to_string()),
        },
    };
    typed(fact, &written)
}

/// Whether `value` meets `op threshold`; `None` when they are of different types.
pub fn meets(value: Value, op: Op, threshold: Threshold) -> Option<bool> {
    match (value, threshold) {
        (Value::Flag(v), Threshold::Flag(t)) => Some(v == t),
        (Value::Number(v), Threshold::Number(t)) => Some(match op {
            Op::Greater => v > t,
            Op::AtLeast => v >= t,
            Op::Equal => v == t,
        }),
        _ => None,
    }
}

/// Formats a number the way people write it in a dossier: no trailing `.0`.
pub fn format_number(n: f64) -> String {
    Number(n).to_string()
}

/// A number written as `format_number` writes it, straight into the text it is part of.
#[derive(Debug, Clone, Copy)]
pub struct Number(pub f64);

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0;
        if n.fract() == 0.0 && n.abs() < 1e15 {
            write!(f, "{}", n as i64)
        } else {
            write!(f, "{n}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Text;

    fn fact(kind: FactType) -> Fact {
        let t = String::new();
        Fact {
            name: "f".into(),
            kind,
            label: Text {
                en: t.clone(),
                ru: t.clone(),
                kk: t,
            },
        }
    }

    #[test]
    fn types_are_enforced() {
        let count = fact(FactType::Count);
        assert_eq!(
            typed(&count, &FactValue::Integer(-1)),
            Err(TypeProblem::Negative)
        );
        assert_eq!(
            typed(&count, &FactValue::Number(3.5)),
            Err(TypeProblem::NotWhole)
        );
        assert_eq!(
            typed(&count, &FactValue::Number(3.0)),
            Ok(Value::Number(3.0))
        );
        assert_eq!(
            typed(&count, &FactValue::Text("yes".into())),
            Err(TypeProblem::NotANumber)
        );
        let pct = fact(FactType::Percent);
        assert_eq!(
            typed(&pct, &FactValue::Number(100.5)),
            Err(TypeProblem::PercentAbove100)
        );
        assert_eq!(
            typed(&pct, &FactValue::Number(49.5)),
            Ok(Value::Number(49.5))
        );
        let flag = fact(FactType::Flag);
        assert_eq!(
            typed(&flag, &FactValue::Text("yes".into())),
            Err(TypeProblem::NotAFlag)
        );
        assert_eq!(parse_arg(&flag, "yes"), Ok(Value::Flag(true)));
        assert_eq!(parse_arg(&count, "1_001"), Ok(Value::Number(1001.0)));
    }
}
