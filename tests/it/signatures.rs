//! Signatures on documents (issue 14): a self-made certificate with an NCA-like subject signs a
//! PDF, detached and inside the file; a tampered copy is caught. The fixtures are made here with
//! the `openssl` program (installed by .ci/run).

use crate::support::*;
use std::path::Path;
use std::process::Command;

fn openssl() -> bool {
    let found = Command::new("openssl").arg("version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("DOSSIER_REQUIRE_PROGRAMS").is_none(),
            "openssl is missing although .ci/run installed the programs"
        );
        eprintln!("SKIPPED: openssl is not installed; the signature fixtures cannot be made");
    }
    found
}

/// A key and a self-signed certificate whose subject reads like an NCA RK one.
fn certificate(dir: &Path, bin: &str) {
    let subject =
        format!("/CN=ТЕСТОВ ТЕСТ/serialNumber=IIN800101300123/OU=BIN{bin}/O=Министерство/C=KZ");
    let out = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650", "-utf8", "-subj",
        ])
        .arg(subject)
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A detached CMS signature (DER) of `content`.
fn sign(dir: &Path, content: &[u8]) -> Vec<u8> {
    sign_with(dir, content, &[])
}

/// `sign` with more `openssl cms` options (`-stream`, `-md sha1`).
fn sign_with(dir: &Path, content: &[u8], extra: &[&str]) -> Vec<u8> {
    let input = dir.join("to-sign.bin");
    let output = dir.join("signature.der");
    std::fs::write(&input, content).unwrap();
    succeeded(
        Command::new("openssl")
            .args(["cms", "-sign", "-binary", "-outform", "DER", "-in"])
            .arg(&input)
            .arg("-signer")
            .arg(dir.join("cert.pem"))
            .arg("-inkey")
            .arg(dir.join("key.pem"))
            .args(extra)
            .arg("-out")
            .arg(&output)
            .output(),
    );
    std::fs::read(&output).unwrap()
}

fn signatures(d: &serde_json::Value, id: &str) -> serde_json::Value {
    d["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap()["signatures"]
        .clone()
}

#[test]
fn a_detached_signature_names_its_signer_and_catches_a_changed_file() {
    if !openssl() {
        return;
    }
    let keys = tempfile::tempdir().unwrap();
    certificate(keys.path(), "000000000042");
    let mut f = Fixture::information_system();
    f.edit(
        "name: \"Министерство\"",
        "name: \"Министерство\"\n  bin: \"000000000042\"",
    );
    let doc = std::fs::read(f.path().join("docs/protocol.pdf")).unwrap();
    f.file("docs/protocol.pdf.cms", &sign(keys.path(), &doc));
    let (code, d) = f.check_json();
    assert_eq!(code, 0, "{d}");
    let sig = signatures(&d, "security-test-protocol");
    let signer = &sig[0]["signers"][0];
    assert_eq!(sig[0]["format"], "detached-cms");
    assert_eq!(signer["common_name"], "ТЕСТОВ ТЕСТ");
    assert_eq!(signer["iin"], "800101300123");
    assert_eq!(signer["bin"], "000000000042");
    assert_eq!(signer["digest_algorithm"], "SHA-256");
    assert_eq!(signer["digest"], "verified");
    let note = diagnostics(&d, "signature.present");
    assert!(
        note[0]["message"]
            .as_str()
            .unwrap()
            .contains("digest (SHA-256), signature value and coverage verified"),
        "{d}"
    );
    assert!(diagnostics(&d, "signature.bin-mismatch").is_empty());
    // One byte changed after signing: an error, and the document no longer counts.
    let mut tampered = doc.clone();
    let at = tampered.len() / 2;
    tampered[at] ^= 0x20;
    f.file("docs/protocol.pdf", &tampered);
    let (code, d) = f.check_json();
    assert_eq!(code, 1, "{d}");
    assert_eq!(diagnostics(&d, "signature.digest-mismatch").len(), 1, "{d}");
    assert_eq!(
        signatures(&d, "security-test-protocol")[0]["signers"][0]["digest"],
        "mismatch"
    );
    // A signer for another body.
    f.file("docs/protocol.pdf", &doc);
    f.edit("bin: \"000000000042\"", "bin: \"000000000099\"");
    let (_, d) = f.check_json();
    assert_eq!(diagnostics(&d, "signature.bin-mismatch").len(), 1, "{d}");
    // Not a signature at all.
    f.file("docs/protocol.pdf.p7s", b"not a signature");
    let (_, d) = f.check_json();
    assert_eq!(diagnostics(&d, "signature.unreadable").len(), 1, "{d}");
}

/// A PDF with a signature dictionary in an incremental update, `/Contents` signed over the
/// `/ByteRange` by `openssl cms`.
fn signed_pdf(keys: &Path) -> Vec<u8> {
    sign_pdf(pdf("signed inside", 1), keys)
}

/// `bytes` (a PDF) with a signature added in an incremental update, as signing tools do.
fn sign_pdf(mut bytes: Vec<u8>, keys: &Path) -> Vec<u8> {
    // The number after the last `key` of the file.
    let number_after = |bytes: &[u8], key: &str| -> usize {
        let text = String::from_utf8_lossy(bytes);
        let at = text.rfind(key).unwrap() + key.len();
        text[at..]
            .split(|c: char| !c.is_ascii_digit() && !c.is_whitespace())
            .next()
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    let original_xref = number_after(&bytes, "startxref");
    let size = number_after(&bytes, "/Size");
    // An incremental update repeats the catalogue of the trailer it follows.
    let root_ref = {
        let text = String::from_utf8_lossy(&bytes);
        let at = text.rfind("/Root").unwrap();
        let rest = &text[at + 5..];
        let end = rest.find('R').unwrap();
        rest[..=end].trim().to_string()
    };
    bytes.extend_from_slice(b"\n");
    let object_at = bytes.len();
    let placeholder = "0".repeat(8192);
    let object = format!(
        "{size} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0000000000 0000000000 0000000000 0000000000] /Contents <{placeholder}> >>\nendobj\n"
    );
    bytes.extend_from_slice(object.as_bytes());
    let xref_at = bytes.len();
    bytes.extend_from_slice(
        format!(
            "xref\n{size} 1\n{object_at:010} 00000 n \ntrailer\n<< /Size {} /Root {root_ref} /Prev {original_xref} >>\nstartxref\n{xref_at}\n%%EOF\n",
            size + 1
        )
        .as_bytes(),
    );
    let text = bytes.clone();
    let contents = object_at + object.find("/Contents <").unwrap() + "/Contents ".len();
    let gap_end = contents + placeholder.len() + 2;
    let ranges = format!(
        "[{:010} {:010} {:010} {:010}]",
        0,
        contents,
        gap_end,
        text.len() - gap_end
    );
    let range_at = object_at + object.find("[0000000000").unwrap();
    bytes[range_at..range_at + ranges.len()].copy_from_slice(ranges.as_bytes());
    let mut signed = bytes[..contents].to_vec();
    signed.extend_from_slice(&bytes[gap_end..]);
    let der = sign(keys, &signed);
    let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
    assert!(hex.len() <= placeholder.len());
    bytes[contents + 1..contents + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    bytes
}

#[test]
fn a_signature_inside_a_pdf_is_read_and_a_changed_byte_caught() {
    if !openssl() {
        return;
    }
    let keys = tempfile::tempdir().unwrap();
    certificate(keys.path(), "000000000042");
    let signed = signed_pdf(keys.path());
    let f = Fixture::information_system();
    f.file("docs/protocol.pdf", &signed);
    let (code, d) = f.check_json();
    assert_eq!(code, 0, "{d}");
    let sig = signatures(&d, "security-test-protocol");
    assert_eq!(sig[0]["format"], "pdf", "{d}");
    assert_eq!(sig[0]["signers"][0]["digest"], "verified", "{d}");
    assert_eq!(sig[0]["signers"][0]["iin"], "800101300123");
    // A byte inside the signed range changed.
    let mut tampered = signed.clone();
    tampered[200] ^= 0x01;
    f.file("docs/protocol.pdf", &tampered);
    let (_, d) = f.check_json();
    assert_eq!(diagnostics(&d, "signature.digest-mismatch").len(), 1, "{d}");
}

#[test]
fn an_edition_may_require_a_signature() {
    let rules = amended_edition(
        "id = \"security-test-protocol\"",
        "id = \"security-test-protocol\"\nsigned = true",
    );
    let f = Fixture::information_system();
    let (_, v) = check_report(f.path(), &["--rules".as_ref(), rules.path().as_os_str()]);
    let d = &v["dossiers"][0];
    assert_eq!(diagnostics(d, "signature.required").len(), 1, "{d}");
    assert_eq!(
        d["outcome"], "refuse",
        "an unsigned portal item is ground 6.3: {d}"
    );
}

#[test]
fn the_signed_sample_shows_its_signer_and_a_verified_digest() {
    // sample-dossiers/esedo/docs/security-test-protocol.pdf.cms: a detached CMS signature.
    let out = dossier()
        .args([
            "check",
            "--format",
            "json",
            "--today",
            TODAY,
            "sample-dossiers/esedo",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["dossiers"][0];
    let signer = &signatures(d, "security-test-protocol")[0]["signers"][0];
    assert_eq!(signer["common_name"], "СЕЙТКАЛИ ЕРЖАН", "{d}");
    assert_eq!(signer["bin"], "000000000001");
    assert_eq!(signer["digest"], "verified");
    // A tampered copy of the sample is caught.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("sample-dossiers/esedo"), dir.path());
    let doc = dir.path().join("docs/security-test-protocol.pdf");
    let mut bytes = std::fs::read(&doc).unwrap();
    // A byte of the page's text, so the file is still a sound PDF: only the signature tells.
    let at = bytes.windows(2).position(|w| w == b"Tj").unwrap() - 3;
    bytes[at] ^= 0x01;
    std::fs::write(&doc, bytes).unwrap();
    let (_, v) = check_report(dir.path(), &[]);
    assert_eq!(
        diagnostics(&v["dossiers"][0], "signature.digest-mismatch").len(),
        1,
        "{v}"
    );
}

/// A CMS SignedData whose signer names GOST R 34.11-2012 (Streebog-256) as its digest and
/// GOST R 34.10-2012 as its signature: assembled here with RustCrypto's `cms` types, the
/// certificate from openssl, the signed digest computed over `content`. The signature value is
/// a placeholder — the tool does not check it (chain and key are out of scope).
fn gost_cms(keys: &Path, content: &[u8]) -> Vec<u8> {
    use streebog::Digest;
    let digest = streebog::Streebog256::digest(content).to_vec();
    assembled_cms(keys, "1.2.643.7.1.1.2.2", digest, "1.2.643.7.1.1.1.1", 64)
}

/// A CMS SignedData assembled from parts: the certificate from openssl, the digest algorithm and
/// the signed digest given, the signature algorithm named and a value of zeros (a forgery: the
/// right digest, any name, no key behind it).
fn assembled_cms(
    keys: &Path,
    digest_oid: &str,
    digest: Vec<u8>,
    signature_oid: &str,
    signature_len: usize,
) -> Vec<u8> {
    use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
    use cms::content_info::{CmsVersion, ContentInfo};
    use cms::signed_data::{
        CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo,
        SignerInfos,
    };
    use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
    use der::{Any, Decode, Encode};
    use x509_cert::attr::Attribute;
    use x509_cert::spki::AlgorithmIdentifierOwned;
    let der_cert = keys.join("cert.der");
    succeeded(
        Command::new("openssl")
            .args(["x509", "-outform", "DER", "-in"])
            .arg(keys.join("cert.pem"))
            .arg("-out")
            .arg(&der_cert)
            .output(),
    );
    let cert = x509_cert::Certificate::from_der(&std::fs::read(&der_cert).unwrap()).unwrap();
    let oid = ObjectIdentifier::new_unwrap;
    let streebog = AlgorithmIdentifierOwned {
        oid: oid(digest_oid),
        parameters: None,
    };
    let attribute = |id: &str, value: Any| Attribute {
        oid: oid(id),
        values: SetOfVec::try_from(vec![value]).unwrap(),
    };
    let signed_attrs = SetOfVec::try_from(vec![
        attribute(
            "1.2.840.113549.1.9.3",
            Any::encode_from(&oid("1.2.840.113549.1.7.1")).unwrap(),
        ),
        attribute(
            "1.2.840.113549.1.9.4",
            Any::encode_from(&OctetString::new(digest).unwrap()).unwrap(),
        ),
    ])
    .unwrap();
    let signer = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: cert.tbs_certificate.issuer.clone(),
            serial_number: cert.tbs_certificate.serial_number.clone(),
        }),
        digest_alg: streebog.clone(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: AlgorithmIdentifierOwned {
            oid: oid(signature_oid),
            parameters: None,
        },
        signature: OctetString::new(vec![0u8; signature_len]).unwrap(),
        unsigned_attrs: None,
    };
    let signed = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![streebog]).unwrap(),
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: oid("1.2.840.113549.1.7.1"),
            econtent: None,
        },
        certificates: Some(CertificateSet(
            SetOfVec::try_from(vec![CertificateChoices::Certificate(cert)]).unwrap(),
        )),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer]).unwrap()),
    };
    ContentInfo {
        content_type: oid("1.2.840.113549.1.7.2"),
        content: Any::encode_from(&signed).unwrap(),
    }
    .to_der()
    .unwrap()
}

#[test]
fn a_gost_digest_is_computed_and_compared() {
    if !openssl() {
        return;
    }
    let keys = tempfile::tempdir().unwrap();
    certificate(keys.path(), "000000000042");
    let f = Fixture::information_system();
    let doc = std::fs::read(f.path().join("docs/protocol.pdf")).unwrap();
    f.file("docs/protocol.pdf.p7s", &gost_cms(keys.path(), &doc));
    let (_, d) = f.check_json();
    let signer = &signatures(&d, "security-test-protocol")[0]["signers"][0];
    assert_eq!(
        signer["digest_algorithm"], "GOST R 34.11-2012 (Streebog-256)",
        "{d}"
    );
    assert_eq!(signer["signature_algorithm"], "GOST R 34.10-2012 (256)");
    assert_eq!(signer["digest"], "verified", "{d}");
    let mut tampered = doc.clone();
    tampered[10] ^= 1;
    f.file("docs/protocol.pdf", &tampered);
    let (_, d) = f.check_json();
    assert_eq!(diagnostics(&d, "signature.digest-mismatch").len(), 1, "{d}");
}

/// A key and certificate (BIN 000000000042), a dossier, and the bytes of its protocol; `None`
/// where openssl is missing.
fn keys_and_dossier() -> Option<(tempfile::TempDir, Fixture, Vec<u8>)> {
    if !openssl() {
        return None;
    }
    let keys = tempfile::tempdir().unwrap();
    certificate(keys.path(), "000000000042");
    let f = Fixture::information_system();
    let doc = std::fs::read(f.path().join("docs/protocol.pdf")).unwrap();
    Some((keys, f, doc))
}

/// The SHA-256 of `bytes`, as bytes.
fn sha256(bytes: &[u8]) -> Vec<u8> {
    let (hex, _) = dossier_judge::integrity::sha256_of(bytes).unwrap();
    (0..32)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

#[test]
fn a_forged_signature_names_no_one_and_does_not_count() {
    let Some((keys, f, doc)) = keys_and_dossier() else {
        return;
    };
    // Any name, the right digest, a value of zeros: RSA with SHA-256.
    let forged = assembled_cms(
        keys.path(),
        "2.16.840.1.101.3.4.2.1",
        sha256(&doc),
        "1.2.840.113549.1.1.11",
        256,
    );
    f.file("docs/protocol.pdf.cms", &forged);
    let (code, d) = f.check_json();
    assert_eq!(code, 1, "{d}");
    let signer = &signatures(&d, "security-test-protocol")[0]["signers"][0];
    assert_eq!(signer["digest"], "verified", "{d}");
    assert_eq!(signer["value"], "invalid", "{d}");
    let found = diagnostics(&d, "signature.invalid");
    assert_eq!(found.len(), 1, "{d}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(!message.contains("ТЕСТОВ"), "{message}");
    assert!(diagnostics(&d, "signature.present").is_empty(), "{d}");
    assert_eq!(
        document_in(&d, "security-test-protocol")["status"],
        "invalid"
    );
    // A GOST value is not verified: no name is shown as the signer's, and it is not counted.
    let f = Fixture::information_system();
    f.file("docs/protocol.pdf.p7s", &gost_cms(keys.path(), &doc));
    let (_, d) = f.check_json();
    let found = diagnostics(&d, "signature.unverified");
    assert_eq!(found.len(), 1, "{d}");
    assert!(
        !found[0]["message"].as_str().unwrap().contains("ТЕСТОВ"),
        "{d}"
    );
}

#[test]
fn a_pdf_changed_after_signing_or_a_range_that_covers_nothing_is_not_verified() {
    if !openssl() {
        return;
    }
    let keys = tempfile::tempdir().unwrap();
    certificate(keys.path(), "000000000042");
    let signed = signed_pdf(keys.path());
    // An incremental update after the signature: a new object and trailer.
    let mut updated = signed.clone();
    updated.extend_from_slice(b"\n99 0 obj\n(changed after signing)\nendobj\n%%EOF\n");
    let f = Fixture::information_system();
    f.file("docs/protocol.pdf", &updated);
    let (_, d) = f.check_json();
    let signer = &signatures(&d, "security-test-protocol")[0]["signers"][0];
    assert_eq!(signer["coverage"], "changed-after-signing", "{d}");
    assert_eq!(diagnostics(&d, "signature.invalid").len(), 1, "{d}");
    // A /ByteRange that covers nothing of the document, with a real signature of nothing.
    let find = |needle: &[u8]| {
        signed
            .windows(needle.len())
            .rposition(|w| w == needle)
            .unwrap()
            + needle.len()
    };
    let at = find(b"/ByteRange [");
    let mut nothing = signed.clone();
    let zeros = "0000000000 0000000000 0000000000 0000000000";
    nothing[at..at + zeros.len()].copy_from_slice(zeros.as_bytes());
    let contents = find(b"/Contents <");
    let end = contents + signed[contents..].iter().position(|b| *b == b'>').unwrap();
    let of_nothing: String = sign(keys.path(), b"")
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let padded = format!("{of_nothing:0<width$}", width = end - contents);
    nothing[contents..end].copy_from_slice(padded.as_bytes());
    let f = Fixture::information_system();
    f.file("docs/protocol.pdf", &nothing);
    let (_, d) = f.check_json();
    let signer = &signatures(&d, "security-test-protocol")[0]["signers"][0];
    // The digest of nothing is the digest signed; the coverage is what fails.
    assert_eq!(signer["digest"], "verified", "{d}");
    assert_eq!(signer["coverage"], "partial", "{d}");
    assert!(diagnostics(&d, "signature.present").is_empty(), "{d}");
}

#[test]
fn a_streamed_ber_signature_and_a_sha1_one_are_read() {
    let Some((keys, f, doc)) = keys_and_dossier() else {
        return;
    };
    for (name, extra) in [
        ("protocol.pdf.cms", &["-stream"][..]),
        ("protocol.pdf.p7s", &["-md", "sha1"][..]),
    ] {
        f.file(
            &format!("docs/{name}"),
            &sign_with(keys.path(), &doc, extra),
        );
    }
    let (_, d) = f.check_json();
    let sigs = signatures(&d, "security-test-protocol");
    let sigs = sigs.as_array().unwrap();
    assert_eq!(sigs.len(), 2, "{d}");
    for s in sigs {
        assert!(s["problem"].is_null(), "{s}");
        assert_eq!(s["signers"][0]["value"], "verified", "{s}");
    }
    assert_eq!(diagnostics(&d, "signature.present").len(), 2, "{d}");
    let weak: Vec<_> = diagnostics(&d, "signature.unverified")
        .into_iter()
        .filter(|x| x["message"].as_str().unwrap().contains("SHA-1"))
        .collect();
    assert_eq!(weak.len(), 1, "{d}");
}

#[test]
fn a_chain_is_followed_to_the_trust_anchors_a_dossier_names() {
    let Some((keys, f, doc)) = keys_and_dossier() else {
        return;
    };
    let other = tempfile::tempdir().unwrap();
    certificate(other.path(), "000000000043");
    f.file("docs/protocol.pdf.cms", &sign(keys.path(), &doc));
    // Without anchors: verified, the chain not checked, and said so.
    let (_, d) = f.check_json();
    let present = diagnostics(&d, "signature.present");
    assert!(
        present[0]["message"]
            .as_str()
            .unwrap()
            .contains("chain not checked"),
        "{d}"
    );
    // The signer's certificate as the anchor: verified to it.
    f.file(
        "trust/root.pem",
        &std::fs::read(keys.path().join("cert.pem")).unwrap(),
    );
    f.file("dossier.toml", b"trust = [\"trust/root.pem\"]\n");
    let (_, d) = f.check_json();
    let signer = &signatures(&d, "security-test-protocol")[0]["signers"][0];
    assert_eq!(signer["chain"]["status"], "verified", "{d}");
    assert_eq!(signer["chain"]["anchor"], "ТЕСТОВ ТЕСТ", "{d}");
    assert!(
        diagnostics(&d, "signature.present")[0]["message"]
            .as_str()
            .unwrap()
            .contains("the certificate chain verified to ТЕСТОВ ТЕСТ"),
        "{d}"
    );
    // Another anchor: the issuer is unknown, a warning, and the document still counts.
    f.file(
        "trust/root.pem",
        &std::fs::read(other.path().join("cert.pem")).unwrap(),
    );
    let (_, d) = f.check_json();
    let signer = &signatures(&d, "security-test-protocol")[0]["signers"][0];
    assert_eq!(signer["chain"]["status"], "unknown-issuer", "{d}");
    assert!(diagnostics(&d, "signature.present").is_empty(), "{d}");
    assert_eq!(diagnostics(&d, "signature.unverified").len(), 1, "{d}");
}

#[test]
fn a_pdf_signed_twice_names_the_later_signature_and_counts_both() {
    let Some((keys, f, _)) = keys_and_dossier() else {
        return;
    };
    let twice = sign_pdf(signed_pdf(keys.path()), keys.path());
    f.file("docs/protocol.pdf", &twice);
    let (_, d) = f.check_json();
    let sigs = signatures(&d, "security-test-protocol");
    let coverage: Vec<&str> = sigs
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["signers"][0]["coverage"].as_str().unwrap())
        .collect();
    assert_eq!(coverage, ["later-signature", "whole"], "{d}");
    assert_eq!(diagnostics(&d, "signature.present").len(), 3, "{d}");
    assert!(diagnostics(&d, "signature.invalid").is_empty(), "{d}");
}
