//! Fuzzing that stays: property tests that mutate real inputs (a sample `dossier.yaml`, a
//! `dossier.toml`, the built-in edition, PDFs, Word/ODF archives and OLE files) and feed them to
//! the library in-process. Nothing may panic; what passes must still hold up (a document that
//! counts has pages when it is a PDF). The reproducers of tests/it/hostile.rs are the seeds.
//!
//! A few thousand cases run with `cargo test`. For a longer run (about ten minutes on two
//! cores), raise the count: `DOSSIER_FUZZ_CASES=600000 cargo test --release --test it fuzz`.

use crate::support::*;
use dossier_judge::inspect::{Verdict, inspect_bytes};
use dossier_model::dossier::validate::{self, Located};
use dossier_model::edition::{Edition, Editions, Origin};
use proptest::prelude::*;

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("DOSSIER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Edits that make hostile inputs: a byte replaced, bytes inserted, a range removed or
/// repeated; inserted bytes favour the format's own punctuation and numbers.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
    Repeat(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let token = prop_oneof![
        Just(b"\t".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\0".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"&a ".to_vec()),
        Just(b"*a".to_vec()),
        Just(b"<<: ".to_vec()),
        Just(b"!!binary ".to_vec()),
        Just(b"- ".to_vec()),
        Just(b": ".to_vec()),
        Just(b"{".to_vec()),
        Just(b"[".to_vec()),
        Just(b"99999999999999999999".to_vec()),
        Just(b"-1".to_vec()),
        Just(b" obj ".to_vec()),
        Just(b" R ".to_vec()),
        Just(b"<<".to_vec()),
        Just(b"startxref\n0\n".to_vec()),
        Just(b"PK\x05\x06".to_vec()),
        proptest::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<usize>(), token).prop_map(|(i, t)| Edit::Insert(i, t)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Remove(i, n)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Edit::Repeat(i, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        if bytes.is_empty() {
            break;
        }
        let at = |i: usize| i % bytes.len();
        match e {
            Edit::Replace(i, b) => {
                let i = at(*i);
                bytes[i] = *b;
            }
            Edit::Insert(i, t) => {
                let i = at(*i);
                bytes.splice(i..i, t.iter().copied());
            }
            Edit::Remove(i, n) => {
                let i = at(*i);
                let end = (i + n).min(bytes.len());
                bytes.drain(i..end);
            }
            Edit::Repeat(i, n) => {
                let i = at(*i);
                let end = (i + n).min(bytes.len());
                let piece = bytes[i..end].to_vec();
                bytes.splice(i..i, piece);
            }
        }
    }
    bytes
}

fn sample_yaml() -> String {
    std::fs::read_to_string(root().join("sample-dossiers/e-licensing/dossier.yaml")).unwrap()
}

/// Parses and validates like `check`; returns nothing, but must not panic.
fn judge_text(text: &str, editions: &Editions) {
    let Ok((file, map)) = dossier_model::dossier::yaml::parse(text, "dossier.yaml") else {
        return;
    };
    let at = Located::new(text, "dossier.yaml", &map);
    if let Ok((edition, _)) = validate::choose_edition(&file, None, editions, &at) {
        let _ = validate::validate(&file, &edition, editions, &at);
    }
}

/// A document verdict that claims a document must be able to say so honestly.
fn holds_up(v: &Verdict) {
    if let Verdict::Document {
        pages, doc_type, ..
    } = v
        && *doc_type == dossier_judge::inspect::DocType::Pdf
    {
        assert!(pages.is_some_and(|p| p > 0), "a PDF counted without pages");
    }
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn dossier_yaml_never_panics(edits in proptest::collection::vec(edit(), 1..6)) {
        let editions = Editions::built_in();
        let bytes = apply(sample_yaml().into_bytes(), &edits);
        let text = String::from_utf8_lossy(&bytes);
        judge_text(&text, &editions);
        // The quick line map agrees with the parser's wherever it is taken, in any build.
        if let Err(why) = dossier_model::dossier::yaml::quick_map_agrees(&text) {
            panic!("{why}");
        }
    }

    #[test]
    fn pdfs_never_panic_and_what_counts_has_pages(edits in proptest::collection::vec(edit(), 1..5)) {
        let bytes = apply(pdf("fuzz", 3), &edits);
        holds_up(&inspect_bytes(&bytes));
    }

    #[test]
    fn office_archives_never_panic(edits in proptest::collection::vec(edit(), 1..5), which in 0usize..3) {
        let seed = match which {
            0 => docx(&["Қазақ мәтіні"]),
            1 => zip_of(&[
                ("mimetype", "application/vnd.oasis.opendocument.text".into()),
                ("content.xml", "<x/>".into()),
            ]),
            _ => {
                let mut c = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
                use std::io::Write;
                c.create_stream("WordDocument").unwrap().write_all(b"text").unwrap();
                c.into_inner().into_inner()
            }
        };
        holds_up(&inspect_bytes(&apply(seed, &edits)));
    }
}

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn edition_files_never_panic(edits in proptest::collection::vec(edit(), 1..4)) {
        let text = Editions::built_in_text("order-84-2016").unwrap();
        let bytes = apply(text.as_bytes().to_vec(), &edits);
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(edition) = Edition::from_toml(&text, "fuzz.toml", Origin::BuiltIn) {
            // An edition that loads must judge a dossier without panicking.
            let mut editions = Editions::built_in();
            editions.add(std::sync::Arc::new(edition));
            judge_text(&sample_yaml(), &editions);
        }
    }

    #[test]
    fn settings_files_never_panic(edits in proptest::collection::vec(edit(), 1..4)) {
        let seed = "root = true\nlang = \"ru\"\naddressee = {kk = \"a\", ru = \"b\"}\n[state_body]\nname = \"x\"\n[calendar]\nholidays = [2026-01-02]\n";
        let bytes = apply(seed.as_bytes().to_vec(), &edits);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dossier.toml");
        std::fs::write(&path, &bytes).unwrap();
        let _ = dossier_model::settings::read(&path);
    }
}

#[test]
fn the_samples_take_the_quick_map_and_it_agrees_with_the_parser() {
    for sample in [
        "e-archive",
        "e-licensing",
        "esedo",
        "gbd-fl",
        "internet-gateway",
    ] {
        let text = std::fs::read_to_string(
            root()
                .join("sample-dossiers")
                .join(sample)
                .join("dossier.yaml"),
        )
        .unwrap();
        assert_eq!(
            dossier_model::dossier::yaml::quick_map_agrees(&text),
            Ok(true),
            "{sample}"
        );
    }
}

/// The reproducers of the attack are seeds that must keep their verdict.
#[test]
fn seeds_keep_their_verdicts() {
    for bytes in [
        &b"\xff\xd8\xff"[..],
        b"\x89PNG\r\n\x1a\n",
        b"{\\rtf",
        b"%PDF-1.4\n",
        b"PK\x03\x04",
    ] {
        assert!(
            !matches!(inspect_bytes(bytes), Verdict::Document { .. }),
            "{bytes:?}"
        );
    }
}
