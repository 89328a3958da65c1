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
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// A signature file or PDF is read up to this size.
pub const MAX_SIGNATURE_BYTES: u64 = 1 << 20;
/// A signed PDF is hashed up to this size.
pub const MAX_SIGNED_PDF: u64 = 256 << 20;

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
    pub problem: Option<String>,
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
fn read_cms(der_bytes: &[u8], parts: &mut Feed<'_>) -> Result<Vec<Signer>, String> {
    let info =
        cms::content_info::ContentInfo::from_der(der_bytes).map_err(|e| format!("not CMS: {e}"))?;
    if info.content_type.to_string() != OID_SIGNED_DATA {
        return Err("not a CMS SignedData".into());
    }
    let signed = info
        .content
        .decode_as::<cms::signed_data::SignedData>()
        .map_err(|e| format!("SignedData: {e}"))?;
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
    let mut computed: Vec<(String, Result<Vec<u8>, String>)> = Vec::new();
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
                    let value = digest(hash, parts).map_err(|e| e.to_string());
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
        return Err("no signer".into());
    }
    Ok(out)
}

fn read_bounded(root: &Dir, rel: &str, max: u64) -> Result<Vec<u8>, String> {
    let (file, len) =
        crate::files::open_regular(root, Path::new(rel)).map_err(|e| e.to_string())?;
    if len > max {
        return Err(format!("larger than {} KiB", max / 1024));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    Ok(bytes)
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
                base64_body(&bytes).ok_or("neither DER nor Base64")?
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

/// Base64 between optional PEM armour lines.
fn base64_body(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .flat_map(|l| l.trim().chars())
        .collect();
    decode_base64(&body)
}

fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let clean: Vec<u8> = s.bytes().filter(|c| *c != b'=').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut acc = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            acc |= value(*c)? << (18 - 6 * i);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

/// The last 128 KiB of a PDF, where an incremental update puts a signature dictionary.
fn pdf_tail(root: &Dir, name: &str) -> Vec<u8> {
    use std::io::{Seek, SeekFrom};
    let Ok((mut f, len)) = crate::files::open_regular(root, Path::new(name)) else {
        return Vec::new();
    };
    let want = len.min(128 * 1024);
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
        if out.len() >= 16 {
            break;
        }
    }
    out
}

/// The length of the first DER element (tag, length, contents).
fn der_length(bytes: &[u8]) -> Option<usize> {
    let first = *bytes.get(1)?;
    if first < 0x80 {
        return Some(2 + usize::from(first));
    }
    let n = usize::from(first & 0x7f);
    if n == 0 || n > 4 {
        return None;
    }
    let len = bytes
        .get(2..2 + n)?
        .iter()
        .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
    Some(2 + n + len)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn pdf_signature(bytes: &[u8], pos: usize) -> Result<Vec<Signer>, String> {
    // `/ByteRange [a b c d]`
    let open = find(&bytes[pos..], b"[").ok_or("no ByteRange array")? + pos;
    let close = find(&bytes[open..], b"]").ok_or("no ByteRange array")? + open;
    let numbers: Vec<usize> = std::str::from_utf8(&bytes[open + 1..close])
        .map_err(|_| "ByteRange is not numbers")?
        .split_whitespace()
        .map(|n| n.parse::<usize>().map_err(|_| "ByteRange is not numbers"))
        .collect::<Result<_, _>>()?;
    let [a, b, c, d] = numbers[..] else {
        return Err("ByteRange does not have four numbers".into());
    };
    let (end1, end2) = (
        a.checked_add(b).ok_or("bad ByteRange")?,
        c.checked_add(d).ok_or("bad ByteRange")?,
    );
    if end1 > c || end2 > bytes.len() {
        return Err("ByteRange lies outside the file".into());
    }
    // The gap between the ranges is `<hex>`: the signature.
    let gap = &bytes[end1..c];
    let hex: Vec<u8> = gap
        .iter()
        .copied()
        .filter(|c| c.is_ascii_hexdigit())
        .collect();
    let mut der_bytes = Vec::with_capacity(hex.len() / 2);
    for pair in hex.chunks(2) {
        if pair.len() == 2 {
            let s = std::str::from_utf8(pair).map_err(|_| "bad hex")?;
            der_bytes.push(u8::from_str_radix(s, 16).map_err(|_| "bad hex")?);
        }
    }
    // The hex string is padded with zeros after the DER: keep the one element.
    let len = der_length(&der_bytes).map_or(der_bytes.len(), |l| l.min(der_bytes.len()));
    read_cms(&der_bytes[..len], &mut |feed| {
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
        assert_eq!(decode_base64("TWFu").unwrap(), b"Man");
        assert_eq!(decode_base64("TWE=").unwrap(), b"Ma");
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
            let _ = der_length(&bytes);
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
