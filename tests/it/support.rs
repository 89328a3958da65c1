//! Test support: run the binary hermetically, and make real documents (PDF, DOCX) and broken
//! ones, deterministically, for fixtures and for the attachments of `sample-dossiers/`.

use assert_cmd::Command;
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The check date every test judges against.
pub const TODAY: &str = "2026-11-23";

/// An edition's text as a `.toml` file to pass to `--rules`.
pub fn edition_file(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f
}

/// The built-in 2024 edition with its first `from` replaced by `to`; `from` must be there, or
/// the test would prove nothing.
pub fn amended_edition(from: &str, to: &str) -> tempfile::NamedTempFile {
    let text = dossier_model::edition::Editions::built_in_text("order-29-2024").unwrap();
    assert!(text.contains(from), "{from}");
    edition_file(&text.replacen(from, to, 1))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A program's run that must have succeeded; its stderr is shown when it did not.
pub fn succeeded(run: std::io::Result<std::process::Output>) -> std::process::Output {
    let out = run.expect("the program runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The binary with a clean environment: no LANG, NO_COLOR, COLUMNS or DOSSIER_* from the
/// machine.
pub fn dossier() -> Command {
    let mut cmd = Command::cargo_bin("dossier").expect("binary built");
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("DOSSIER_")
            || k.starts_with("LC_")
            || k == "LANG"
            || k == "NO_COLOR"
            || k.starts_with("CLICOLOR")
            || k == "COLUMNS"
        {
            cmd.env_remove(&k);
        }
    }
    cmd.current_dir(root());
    cmd
}

/// A PDF with `pages` pages, each carrying `title` (Latin text: the base-14 fonts have no
/// Cyrillic; rendering with an embedded font is the renderer's job).
pub fn pdf(title: &str, pages: u32) -> Vec<u8> {
    let mut doc = pdf_document(title, pages);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf saves");
    out
}

fn pdf_document(title: &str, pages: u32) -> Document {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for n in 1..=pages {
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 14.into()]),
                Operation::new("Td", vec![72.into(), 770.into()]),
                Operation::new("Tj", vec![Object::string_literal(title)]),
                Operation::new("Td", vec![0.into(), (-24).into()]),
                Operation::new(
                    "Tj",
                    vec![Object::string_literal(format!(
                        "Page {n} of {pages}. Sample attachment: figures are illustrative."
                    ))],
                ),
                Operation::new("ET", vec![]),
            ],
        };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("content encodes"),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(page_id.into());
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages,
            "Resources" => resources_id,
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    doc
}

/// A PDF that opens only with `password` (RC4, standard security handler).
pub fn encrypted_pdf(title: &str, password: &str) -> Vec<u8> {
    let mut doc = pdf_document(title, 1);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ]),
    );
    let version = lopdf::encryption::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner-secret",
        user_password: password,
        key_length: 128,
        permissions: lopdf::encryption::Permissions::all(),
    };
    let state = lopdf::encryption::EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("pdf encrypts");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf saves");
    out
}

/// A minimal Word document whose paragraphs are `paragraphs` (any Unicode text).
pub fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(p)
            )
        })
        .collect();
    let parts: [(&str, String); 3] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
                .to_string(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
                .to_string(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            ),
        ),
    ];
    zip_of(&parts)
}

/// A ZIP of the given entries, stored uncompressed, with a fixed timestamp.
pub fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(zip::DateTime::default());
        for (name, content) in parts {
            zip.start_file(*name, options).expect("zip entry");
            zip.write_all(content.as_bytes()).expect("zip write");
        }
        zip.finish().expect("zip finishes");
    }
    buf.into_inner()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes `bytes` at `dir/rel`, creating folders.
pub fn put(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// A dossier in a temporary folder, complete and passing until a test breaks it.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub yaml: String,
}

pub const IS_DOCS: &[(&str, &str)] = &[
    ("services-functions", "docs/services.pdf"),
    ("criteria-compliance", "docs/criteria.pdf"),
    ("description", "docs/description.pdf"),
    ("technical-documentation", "docs/tz.pdf"),
    ("commissioning-act", "docs/act.pdf"),
    ("registered-users", "docs/users.pdf"),
    ("deployment-scope", "docs/scope.pdf"),
    ("security-test-protocol", "docs/protocol.pdf"),
];

pub const HSC_DOCS: &[(&str, &str)] = &[
    ("registered-users", "docs/users.pdf"),
    ("integrated-systems", "docs/systems.pdf"),
    ("subdivisions-users", "docs/subdivisions.pdf"),
    ("permitted-software", "docs/software.pdf"),
    ("criteria-compliance", "docs/criteria.pdf"),
    ("description", "docs/description.pdf"),
    ("specifications", "docs/specs.pdf"),
];

impl Fixture {
    /// An information system that would be included: every document, 3 points (1.1, 2.5, 3.1).
    pub fn information_system() -> Fixture {
        Fixture::new(
            "information-system",
            "  stage: industrial-operation\n  portal_id: \"AP-1\"\n",
            "  central_bodies_with_users: 2\n  unified_transport_environment: true\n  active_registered_users: 1001\n",
            IS_DOCS,
        )
    }

    /// A hardware-software complex that would be included: 1.2, 2.4, 3.4.
    pub fn hardware_software_complex() -> Fixture {
        Fixture::new(
            "hardware-software-complex",
            "  portal_id: \"AP-2\"\n",
            "  all_subordinate_units_are_users: true\n  state_ca_signature_keys: true\n  all_users_use_hsc_components: true\n",
            HSC_DOCS,
        )
    }

    /// The information system on the List since 14.06.2024, its operation stopped on
    /// 30.10.2026 (a removal notice fits).
    pub fn decommissioned() -> Fixture {
        let mut f = Fixture::information_system();
        f.edit("stage: industrial-operation", "stage: decommissioned");
        f.edit(
            "review:\n",
            "review:\n  listed: 2024-06-14\n  operation_ended: 2026-10-30\n",
        );
        f
    }

    /// The information system under Order No. 84 of 2016: a security attestation instead of
    /// the test protocol, and no criteria-compliance information (2016 had none).
    pub fn information_system_2016() -> Fixture {
        let mut f = Fixture::information_system();
        f.edit("schema: 1\n", "schema: 1\nedition: order-84-2016\n");
        f.edit(
            "security-test-protocol: docs/protocol.pdf",
            "security-attestation: docs/protocol.pdf",
        );
        f.edit("  criteria-compliance: docs/criteria.pdf\n", "");
        f
    }

    fn new(kind: &str, object_extra: &str, facts: &str, docs: &[(&str, &str)]) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut yaml = format!(
            "schema: 1\nkind: {kind}\nobject:\n  name: {{kk: \"Сынақ жүйесі\", ru: \"Тестовая система\"}}\n{object_extra}state_body:\n  name: \"Министерство\"\nfacts:\n{facts}review:\n  architecture: conforms\ndocuments:\n"
        );
        for (id, file) in docs {
            yaml.push_str(&format!("  {id}: {file}\n"));
            put(dir.path(), file, &pdf(id, 2));
        }
        let f = Fixture { dir, yaml };
        f.write();
        f
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self) {
        std::fs::write(self.path().join("dossier.yaml"), &self.yaml).unwrap();
    }

    /// Replaces the first `from` in dossier.yaml with `to` (it must be there).
    pub fn edit(&mut self, from: &str, to: &str) -> &mut Self {
        assert!(self.yaml.contains(from), "`{from}` not in:\n{}", self.yaml);
        self.yaml = self.yaml.replacen(from, to, 1);
        self.write();
        self
    }

    pub fn file(&self, rel: &str, bytes: &[u8]) -> &Self {
        put(self.path(), rel, bytes);
        self
    }

    /// `dossier check --format json` on this dossier: (exit code, the dossier object).
    pub fn check_json(&self) -> (i32, serde_json::Value) {
        let (code, v) = check_report(self.path(), &[]);
        (code, v["dossiers"][0].clone())
    }

    /// The JSON entry for one document id.
    pub fn document(&self, id: &str) -> serde_json::Value {
        document_in(&self.check_json().1, id)
    }

    /// Gives the security test protocol a `valid_until`, in the map form.
    pub fn protocol_valid_until(&mut self, date: &str) -> &mut Self {
        self.edit(
            "security-test-protocol: docs/protocol.pdf",
            &format!(
                "security-test-protocol:\n    files: [docs/protocol.pdf]\n    valid_until: {date}"
            ),
        )
    }
}

/// `dossier check --format json --today TODAY` with `flags` before `path`: (exit code, the
/// whole report).
pub fn check_report(path: &Path, flags: &[&std::ffi::OsStr]) -> (i32, serde_json::Value) {
    let out = dossier()
        .args(["check", "--format", "json", "--today", TODAY])
        .args(flags)
        .arg(path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), v)
}

/// The JSON entry of one requirement in a dossier object.
pub fn document_in(d: &serde_json::Value, id: &str) -> serde_json::Value {
    d["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no document {id} in {d}"))
}

/// The names of the entries of `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

/// The diagnostics of a dossier with the given code.
pub fn diagnostics<'a>(d: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["code"] == code)
        .collect()
}

/// The 1-based line of the first line of `yaml` containing `needle`.
pub fn line_of(yaml: &str, needle: &str) -> usize {
    yaml.lines()
        .position(|l| l.contains(needle))
        .expect("needle in yaml")
        + 1
}

/// Copies a folder tree, as a user copying a dossier would.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A named pipe at `path`: opening it for reading blocks until a writer comes.
pub fn make_fifo(path: &std::path::Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
}
