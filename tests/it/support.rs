//! Test support: run the binary hermetically, and make real documents (PDF, DOCX) and broken
//! ones, deterministically, for fixtures and for the attachments of `sample-dossiers/`.

use assert_cmd::Command;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The check date every test judges against.
pub const TODAY: &str = "2026-11-23";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary with a clean environment: no LANG, NO_COLOR or DOSSIER_* from the machine.
pub fn dossier() -> Command {
    let mut cmd = Command::cargo_bin("dossier").expect("binary built");
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("DOSSIER_") || k.starts_with("LC_") || k == "LANG" || k == "NO_COLOR" {
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
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", xml_escape(p)))
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
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Writes `bytes` at `dir/rel`, creating folders.
pub fn put(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}
