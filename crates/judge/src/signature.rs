//! Signatures on a dossier's documents: detached CMS files beside a document (`.cms`, `.p7s`,
//! `.sig`, as NCA RK tools write them) and signatures inside a PDF (`/ByteRange` and
//! `/Contents`). For each signer: the certificate subject (common name, IIN, BIN, organisation),
//! its validity, the signing time, the algorithms, and whether the digest the signer signed is
//! the digest of the file's bytes.
//!
//! What this proves and what it does not: a matching digest shows the file is byte for byte the
//! one the signed attributes name. The signature value is not checked against the key, and the
//! certificate chain is not validated against the NCA RK roots (they are not shipped): the report
//! says "digest verified, chain not verified".

/// Signature files kept beside a document, by extension.
pub const SIGNATURE_EXTENSIONS: &[&str] = &["cms", "p7s", "sig"];

use cap_std::fs::Dir;
use chrono::NaiveDateTime;
use der::{Decode, Encode};
use dossier_model::finding::Message;
use serde::Serialize;
use std::io::Read;
use std::path::Path;

use crate::limits::{MAX_PDF_SIGNATURES, MAX_SIGNATURE_BYTES, MAX_SIGNED_PDF, PDF_SIGNATURE_TAIL};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// A detached CMS file beside the document.
    DetachedCms,
    /// A signature dictionary inside the PDF.
    Pdf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DigestCheck {
    /// The signed messageDigest is the digest of the file's bytes.
    Verified,
    /// It is not: the file changed after signing.
    Mismatch,
    /// The digest algorithm is not one the tool computes, or nothing digest-like is signed.
    Unverified,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signer {
    pub common_name: Option<String>,
    pub iin: Option<String>,
    pub bin: Option<String>,
    pub organization: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub signing_time: Option<String>,
    pub digest_algorithm: String,
    pub signature_algorithm: String,
    pub digest: DigestCheck,
    /// The signing time lies outside the certificate's validity.
    pub expired_at_signing: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// The document it signs, as named in `dossier.yaml`.
    pub document: String,
    pub format: Format,
    /// The signature file, for a detached one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub signers: Vec<Signer>,
    /// Why it could not be read, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// Why a signature could not be read: data, worded by the catalogue (`signature.problem.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    /// The signature file (or the signed PDF) could not be read beneath the folder.
    Unreadable,
    /// Larger than the bound for its kind.
    TooLarge,
    /// Neither DER nor Base64 (PEM) text.
    NotDerOrBase64,
    /// Not a CMS ContentInfo.
    NotCms,
    /// A CMS that is not SignedData, or whose SignedData cannot be read.
    NotSignedData,
    /// A SignedData without a signer.
    NoSigner,
    /// A PDF signature dictionary whose `/ByteRange` is not four whole numbers.
    ByteRange,
    /// A `/ByteRange` that lies outside the file.
    ByteRangeOutside,
    /// A PDF signature dictionary without a readable `/Contents` hex string.
    Contents,
}

impl Problem {
    pub fn message(self) -> Message {
        Message::new(match self {
            Problem::Unreadable => "signature.problem.unreadable",
            Problem::TooLarge => "signature.problem.too-large",
            Problem::NotDerOrBase64 => "signature.problem.not-der-or-base64",
            Problem::NotCms => "signature.problem.not-cms",
            Problem::NotSignedData => "signature.problem.not-signed-data",
            Problem::NoSigner => "signature.problem.no-signer",
            Problem::ByteRange => "signature.problem.byte-range",
            Problem::ByteRangeOutside => "signature.problem.byte-range-outside",
            Problem::Contents => "signature.problem.contents",
        })
    }
}

const OID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const OID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const OID_SIGNING_TIME: &str = "1.2.840.113549.1.9.5";

/// A digest algorithm the tool can compute, by OID (SHA-1 and GOST 34.311-95 are not: a
/// signature naming them stays unverified).
#[derive(Debug, Clone, Copy)]
enum Hash {
    Sha256,
    Sha384,
    Sha512,
    Streebog256,
    Streebog512,
}

fn hash_of(oid: &str) -> Option<Hash> {
    Some(match oid {
        "2.16.840.1.101.3.4.2.1" => Hash::Sha256,
        "2.16.840.1.101.3.4.2.2" => Hash::Sha384,
        "2.16.840.1.101.3.4.2.3" => Hash::Sha512,
        "1.2.643.7.1.1.2.2" => Hash::Streebog256,
        "1.2.643.7.1.1.2.3" => Hash::Streebog512,
        _ => return None,
    })
}

/// A readable name for an algorithm OID (digest or signature); the OID itself when unknown.
pub fn algorithm_name(oid: &str) -> String {
    match oid {
        "1.3.14.3.2.26" => "SHA-1",
        "2.16.840.1.101.3.4.2.1" => "SHA-256",
        "2.16.840.1.101.3.4.2.2" => "SHA-384",
        "2.16.840.1.101.3.4.2.3" => "SHA-512",
        "1.2.643.7.1.1.2.2" => "GOST R 34.11-2012 (Streebog-256)",
        "1.2.643.7.1.1.2.3" => "GOST R 34.11-2012 (Streebog-512)",
        "1.2.398.3.10.1.3.1" => "GOST 34.311-95",
        "1.2.840.113549.1.1.1" => "RSA",
        "1.2.840.113549.1.1.11" => "RSA with SHA-256",
        "1.2.840.113549.1.1.12" => "RSA with SHA-384",
        "1.2.840.113549.1.1.13" => "RSA with SHA-512",
        "1.2.840.113549.1.1.5" => "RSA with SHA-1",
        "1.2.643.7.1.1.1.1" => "GOST R 34.10-2012 (256)",
        "1.2.643.7.1.1.1.2" => "GOST R 34.10-2012 (512)",
        "1.2.398.3.10.1.1.1.1" => "GOST 34.310-2004",
        "1.2.398.3.10.1.1.1.2" => "GOST 34.310-2004 with GOST 34.311-95",
        other => return other.to_string(),
    }
    .to_string()
}

/// Feeds the signed content, part by part, to a hasher.
type Feed<'a> = dyn FnMut(&mut dyn FnMut(&[u8])) -> std::io::Result<()> + 'a;

/// The digest of the content `parts` feeds, with `hash`.
fn digest(hash: Hash, parts: &mut Feed<'_>) -> std::io::Result<Vec<u8>> {
    use sha2::Digest;
    macro_rules! run {
        ($h:expr) => {{
            let mut h = $h;
            parts(&mut |b: &[u8]| h.update(b))?;
            Ok(h.finalize().to_vec())
        }};
    }
    match hash {
        Hash::Sha256 => run!(sha2::Sha256::new()),
        Hash::Sha384 => run!(sha2::Sha384::new()),
        Hash::Sha512 => run!(sha2::Sha512::new()),
        Hash::Streebog256 => run!(streebog::Streebog256::new()),
        Hash::Streebog512 => run!(streebog::Streebog512::new()),
    }
}

fn text_of(value: &der::Any) -> Option<String> {
    use der::asn1::{Ia5StringRef, PrintableStringRef, Utf8StringRef};
    if let Ok(s) = value.decode_as::<Utf8StringRef>() {
        return Some(s.as_str().to_string());
    }
    if let Ok(s) = value.decode_as::<PrintableStringRef>() {
        return Some(s.as_str().to_string());
    }
    if let Ok(s) = value.decode_as::<Ia5StringRef>() {
        return Some(s.as_str().to_string());
    }
    None
}

/// The first value of an attribute of the subject, by OID.
fn subject_value(name: &x509_cert::name::Name, oid: &str) -> Vec<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid.to_string() == oid)
        .filter_map(|atv| text_of(&atv.value))
        .collect()
}

fn time_text(t: &x509_cert::time::Time) -> String {
    let d = t.to_date_time();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minutes(),
        d.seconds()
    )
}

fn parse_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ").ok()
}

/// Reads a CMS SignedData and checks each signer's messageDigest against the content the
/// `parts` closure feeds (the file, or a PDF's signed ranges).
fn read_cms(der_bytes: &[u8], parts: &mut Feed<'_>) -> Result<Vec<Signer>, Problem> {
    let info = cms::content_info::ContentInfo::from_der(der_bytes).map_err(|_| Problem::NotCms)?;
    if info.content_type.to_string() != OID_SIGNED_DATA {
        return Err(Problem::NotSignedData);
    }
    let signed = info
        .content
        .decode_as::<cms::signed_data::SignedData>()
        .map_err(|_| Problem::NotSignedData)?;
    let certificates: Vec<&x509_cert::Certificate> = signed
        .certificates
        .as_ref()
        .map(|set| {
            set.0
                .iter()
                .filter_map(|c| match c {
                    cms::cert::CertificateChoices::Certificate(c) => Some(c),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    // Computed once per algorithm.
    let mut computed: Vec<(String, Result<Vec<u8>, Problem>)> = Vec::new();
    let mut out = Vec::new();
    for si in signed.signer_infos.0.iter() {
        let cert = match &si.sid {
            cms::signed_data::SignerIdentifier::IssuerAndSerialNumber(ias) => {
                certificates.iter().find(|c| {
                    c.tbs_certificate.serial_number == ias.serial_number
                        && c.tbs_certificate.issuer == ias.issuer
                })
            }
            cms::signed_data::SignerIdentifier::SubjectKeyIdentifier(_) => certificates.first(),
        };
        let digest_oid = si.digest_alg.oid.to_string();
        let attrs = si.signed_attrs.as_ref();
        let attr = |oid: &str| {
            attrs.and_then(|a| {
                a.iter()
                    .find(|x| x.oid.to_string() == oid)
                    .and_then(|x| x.values.iter().next().cloned())
            })
        };
        let message_digest = attr(OID_MESSAGE_DIGEST)
            .and_then(|v| v.decode_as::<der::asn1::OctetString>().ok())
            .map(|o| o.as_bytes().to_vec());
        let signing_time = attr(OID_SIGNING_TIME)
            .and_then(|v| v.to_der().ok())
            .and_then(|bytes| x509_cert::time::Time::from_der(&bytes).ok())
            .map(|t| time_text(&t));
        let check = match (message_digest, hash_of(&digest_oid)) {
            (Some(expected), Some(hash)) => {
                if !computed.iter().any(|(o, _)| *o == digest_oid) {
                    let value = digest(hash, parts).map_err(|_| Problem::Unreadable);
                    computed.push((digest_oid.clone(), value));
                }
                match computed
                    .iter()
                    .find(|(o, _)| *o == digest_oid)
                    .map(|(_, v)| v)
                {
                    Some(Ok(actual)) if *actual == expected => DigestCheck::Verified,
                    Some(Ok(_)) => DigestCheck::Mismatch,
                    _ => DigestCheck::Unverified,
                }
            }
            _ => DigestCheck::Unverified,
        };
        let (valid_from, valid_until) = cert.map_or((None, None), |c| {
            let v = &c.tbs_certificate.validity;
            (
                Some(time_text(&v.not_before)),
                Some(time_text(&v.not_after)),
            )
        });
        let expired_at_signing = match (&signing_time, &valid_from, &valid_until) {
            (Some(t), Some(a), Some(b)) => match (parse_time(t), parse_time(a), parse_time(b)) {
                (Some(t), Some(a), Some(b)) => t < a || t > b,
                _ => false,
            },
            _ => false,
        };
        let subject = cert.map(|c| &c.tbs_certificate.subject);
        let first = |oid: &str| subject.and_then(|s| subject_value(s, oid).into_iter().next());
        // NCA RK writes IIN in SERIALNUMBER ("IIN123…") and BIN in OU ("BIN123…").
        let tagged = |oid: &str, tag: &str| {
            subject.and_then(|s| {
                subject_value(s, oid)
                    .into_iter()
                    .find_map(|v| v.strip_prefix(tag).map(str::to_string))
            })
        };
        out.push(Signer {
            common_name: first("2.5.4.3"),
            iin: tagged("2.5.4.5", "IIN"),
            bin: tagged("2.5.4.11", "BIN"),
            organization: first("2.5.4.10"),
            valid_from,
            valid_until,
            signing_time,
            digest_algorithm: algorithm_name(&digest_oid),
            signature_algorithm: algorithm_name(&si.signature_algorithm.oid.to_string()),
            digest: check,
            expired_at_signing,
        });
    }
    if out.is_empty() {
        return Err(Problem::NoSigner);
    }
    Ok(out)
}

fn read_bounded(root: &Dir, rel: &str, max: u64) -> Result<Vec<u8>, Problem> {
    crate::files::read_beneath(root, Path::new(rel), max).map_err(|e| match e {
        crate::files::Unreadable::TooLarge { .. } => Problem::TooLarge,
        _ => Problem::Unreadable,
    })
}

/// The detached signatures of `document` among the files of its folder (`siblings`: names in
/// that folder, read once per folder).
pub fn detached(root: &Dir, document: &str, siblings: &[String]) -> Vec<Signature> {
    let base = Path::new(document)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(document);
    let parent = Path::new(document)
        .parent()
        .map(|p| p.to_string_lossy().into_owned());
    let mut out = Vec::new();
    for ext in SIGNATURE_EXTENSIONS {
        let name = format!("{base}.{ext}");
        if !siblings.contains(&name) {
            continue;
        }
        let file = match &parent {
            Some(p) if !p.is_empty() => format!("{p}/{name}"),
            _ => name,
        };
        let result = read_bounded(root, &file, MAX_SIGNATURE_BYTES).and_then(|bytes| {
            // Some tools write Base64 (PEM-like) rather than DER.
            let der_bytes = if bytes.first() == Some(&0x30) {
                bytes
            } else {
                base64_body(&bytes).ok_or(Problem::NotDerOrBase64)?
            };
            read_cms(&der_bytes, &mut |feed| {
                let (f, _) = crate::files::open_regular(root, Path::new(document))?;
                let mut f = f;
                let mut buf = vec![0u8; 64 * 1024];
                loop {
                    let n = f.read(&mut buf)?;
                    if n == 0 {
                        break;
                    }
                    feed(&buf[..n]);
                }
                Ok(())
            })
        });
        out.push(match result {
            Ok(signers) => Signature {
                document: document.to_string(),
                format: Format::DetachedCms,
                file: Some(file),
                signers,
                problem: None,
            },
            Err(why) => Signature {
                document: document.to_string(),
                format: Format::DetachedCms,
                file: Some(file),
                signers: Vec::new(),
                problem: Some(why),
            },
        });
    }
    out
}

/// PEM (RFC 7468) or bare Base64 with line breaks, as signing tools write it.
fn base64_body(bytes: &[u8]) -> Option<Vec<u8>> {
    use base64ct::Encoding;
    let text = std::str::from_utf8(bytes)
        .ok()?
        .trim_start_matches('\u{feff}');
    if text.trim_start().starts_with("-----BEGIN") {
        return pem_rfc7468::decode_vec(text.trim().as_bytes())
            .ok()
            .map(|(_, der)| der);
    }
    let body: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64ct::Base64::decode_vec(&body).ok()
}

/// The last 128 KiB of a PDF, where an incremental update puts a signature dictionary.
fn pdf_tail(root: &Dir, name: &str) -> Vec<u8> {
    use std::io::{Seek, SeekFrom};
    let Ok((mut f, len)) = crate::files::open_regular(root, Path::new(name)) else {
        return Vec::new();
    };
    let want = len.min(PDF_SIGNATURE_TAIL);
    if f.seek(SeekFrom::Start(len - want)).is_err() {
        return Vec::new();
    }
    let mut tail = Vec::with_capacity(want as usize);
    let _ = f.take(want).read_to_end(&mut tail);
    tail
}

/// The signatures inside a PDF: each `/ByteRange [a b c d]` with its `/Contents <hex>`. The
/// file is read whole only when its tail names a `/ByteRange`.
pub fn in_pdf(root: &Dir, document: &str) -> Vec<Signature> {
    if !pdf_tail(root, document)
        .windows(10)
        .any(|w| w == b"/ByteRange")
    {
        return Vec::new();
    }
    let bytes = match read_bounded(root, document, MAX_SIGNED_PDF) {
        Ok(b) => b,
        Err(why) => {
            return vec![Signature {
                document: document.to_string(),
                format: Format::Pdf,
                file: None,
                signers: Vec::new(),
                problem: Some(why),
            }];
        }
    };
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(pos) = find(&bytes[at..], b"/ByteRange").map(|p| p + at) {
        at = pos + 10;
        let result = pdf_signature(&bytes, pos);
        out.push(match result {
            Ok(signers) => Signature {
                document: document.to_string(),
                format: Format::Pdf,
                file: None,
                signers,
                problem: None,
            },
            Err(why) => Signature {
                document: document.to_string(),
                format: Format::Pdf,
                file: None,
                signers: Vec::new(),
                problem: Some(why),
            },
        });
        if out.len() >= MAX_PDF_SIGNATURES {
            break;
        }
    }
    out
}

/// The first DER element of `bytes` (a PDF pads its `/Contents` with zeros after it), read
/// with the `der` crate's reader.
fn first_element(bytes: &[u8]) -> Option<&[u8]> {
    use der::{Decode, Reader};
    let mut reader = der::SliceReader::new(bytes).ok()?;
    der::asn1::AnyRef::decode(&mut reader).ok()?;
    let len = usize::try_from(reader.position()).ok()?;
    bytes.get(..len)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn pdf_signature(bytes: &[u8], pos: usize) -> Result<Vec<Signer>, Problem> {
    // The signature dictionary, read with the PDF reader's tokenizer.
    let fields = crate::inspect::signature_fields(bytes, pos).ok_or(Problem::ByteRange)?;
    let [a, b, c, d] = fields.byte_range;
    let (end1, end2) = (
        a.checked_add(b).ok_or(Problem::ByteRangeOutside)?,
        c.checked_add(d).ok_or(Problem::ByteRangeOutside)?,
    );
    if end1 > c || end2 > bytes.len() {
        return Err(Problem::ByteRangeOutside);
    }
    let der_bytes = fields.contents.ok_or(Problem::Contents)?;
    let element = first_element(&der_bytes).unwrap_or(&der_bytes);
    read_cms(element, &mut |feed| {
        feed(&bytes[a..end1]);
        feed(&bytes[c..end2]);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes() {
        assert_eq!(base64_body(b"TWFu").unwrap(), b"Man");
        assert_eq!(base64_body(b"TWE=\n").unwrap(), b"Ma");
        assert_eq!(
            base64_body(b"-----BEGIN CMS-----\nTWFu\n-----END CMS-----\n").unwrap(),
            b"Man"
        );
    }

    proptest::proptest! {
        /// Hostile bytes in a signature file or a PDF's /Contents: an error, never a panic.
        #[test]
        fn any_bytes_are_read_without_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
            let mut nothing = |_: &mut dyn FnMut(&[u8])| Ok(());
            let _ = read_cms(&bytes, &mut nothing);
            let mut framed = vec![0x30, 0x82, 0x01, 0xff];
            framed.extend_from_slice(&bytes);
            let _ = read_cms(&framed, &mut nothing);
            let mut pdf = b"%PDF-1.7 /ByteRange [".to_vec();
            pdf.extend_from_slice(&bytes);
            let _ = pdf_signature(&pdf, 9);
            let _ = first_element(&bytes);
            let _ = base64_body(&bytes);
        }
    }

    #[test]
    fn garbage_is_not_a_signature() {
        let mut nothing = |_: &mut dyn FnMut(&[u8])| Ok(());
        assert!(read_cms(b"\x30\x03\x02\x01\x01", &mut nothing).is_err());
        assert!(read_cms(b"", &mut nothing).is_err());
    }
}
