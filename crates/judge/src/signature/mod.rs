//! Signatures on a dossier's documents: detached CMS files beside a document (`.cms`, `.p7s`,
//! `.sig`, as NCA RK tools write them) and signatures inside a PDF (`/ByteRange` and
//! `/Contents`). For each signer: the certificate subject (common name, IIN, BIN, organisation),
//! its validity, the signing time, the algorithms, and whether the digest the signer signed is
//! the digest of the file's bytes.
//!
//! What this proves and what it does not: a matching digest shows the file is byte for byte the
//! one the signed attributes name; a verified value (`value`: RSA, ECDSA) shows the key of the
//! certificate signed those attributes; for a PDF, the coverage shows the signed ranges are the
//! whole revision but its signature. Only then is a signer named and counted as verified. GOST
//! values are not verified; the chain to a trusted root and revocation are not checked.

mod chain;
mod value;

pub use chain::ChainCheck;
pub use value::ValueCheck;

/// Signature files kept beside a document, by extension.
pub const SIGNATURE_EXTENSIONS: &[&str] = &["cms", "p7s", "sig"];

use cap_std::fs::Dir;
use chrono::NaiveDateTime;
use der::{Decode, Encode};
use dossier_model::finding::Message;
use serde::Serialize;
use std::io::Read;
use std::path::Path;

use crate::limits::{
    MAX_PDF_SIGNATURES, MAX_SIGNATURE_BYTES, MAX_SIGNED_PDF, MAX_SIGNERS, PDF_SIGNATURE_AFTER,
    PDF_SIGNATURE_BEFORE, PDF_SIGNATURE_TAIL,
};
use memchr::memmem::find;

mod ber;

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
    /// The signature value against the certificate's key.
    pub value: ValueCheck,
    /// What the signature covers (a PDF's signed ranges; a detached signature covers its file).
    pub coverage: Coverage,
    /// SHA-1: computed, but no longer a safe digest for a signature.
    pub weak_digest: bool,
    /// The certificate chain to a trust anchor (checked only for a verified value).
    pub chain: ChainCheck,
    /// The signing time lies outside the certificate's validity.
    pub expired_at_signing: bool,
}

impl Signer {
    /// Digest, value and coverage all verified: the signature is this signer's, of this file.
    /// (The chain to a trusted root and revocation are not checked.)
    pub fn verified(&self) -> bool {
        self.digest == DigestCheck::Verified
            && self.value == ValueCheck::Verified
            && matches!(self.coverage, Coverage::Whole | Coverage::LaterSignature)
    }
}

/// What a signature covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    /// The whole file (a detached signature), or the whole PDF but its own `/Contents`.
    Whole,
    /// The revision it signed, followed by a later signature over the whole file.
    LaterSignature,
    /// The revision it signed, followed by changes no signature covers (an incremental update
    /// after signing): the signature does not cover the document as it is.
    ChangedAfterSigning,
    /// Ranges that do not start at the first byte or leave out more than the `/Contents`
    /// string: the signature does not cover the document.
    Partial,
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
    /// More nesting, elements or sets than a signature has (`docs/limits.md`).
    TooComplex,
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
            Problem::TooComplex => "signature.problem.too-complex",
        })
    }
}

const OID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const OID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const OID_SIGNING_TIME: &str = "1.2.840.113549.1.9.5";

/// A digest algorithm the tool can compute, by OID (GOST 34.311-95 is not: a signature naming
/// it stays unverified). SHA-1 is computed, and reported as weak.
#[derive(Debug, Clone, Copy)]
enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
    Streebog256,
    Streebog512,
}

fn hash_of(oid: &str) -> Option<Hash> {
    Some(match oid {
        "1.3.14.3.2.26" => Hash::Sha1,
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
        Hash::Sha1 => run!(sha1::Sha1::new()),
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
    // Compared as OIDs, not as the text of each attribute's.
    let Ok(oid) = der::asn1::ObjectIdentifier::new(oid) else {
        return Vec::new();
    };
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == oid)
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

/// The digest of the content with `hash`, computed once per algorithm and content.
fn content_digest(
    cache: &mut DigestCache,
    parts: &mut Content<'_, '_>,
    digest_oid: &str,
    hash: Hash,
) -> Option<Vec<u8>> {
    let key = (digest_oid.to_string(), parts.id);
    if let Some((_, d)) = cache.iter().find(|(k, _)| *k == key) {
        return d.clone();
    }
    let value = digest(hash, parts.feed).ok();
    cache.push((key, value.clone()));
    value
}

/// The signed content of one signature: a name for the digest cache (the same content, once per
/// algorithm) and the feed of its bytes.
pub struct Content<'a, 'f> {
    pub id: u64,
    pub feed: &'a mut Feed<'f>,
}

/// Content digests by (algorithm, content), computed once however many signature files and
/// signers name them.
pub type DigestCache = Vec<((String, u64), Option<Vec<u8>>)>;

/// What checking a document's signatures carries from one to the next: the digests already
/// computed, and the trust anchors the chains are followed to.
pub struct Checker<'t> {
    pub cache: DigestCache,
    pub trust: &'t [x509_cert::Certificate],
}

impl<'t> Checker<'t> {
    pub fn new(trust: &'t [x509_cert::Certificate]) -> Checker<'t> {
        Checker {
            cache: DigestCache::new(),
            trust,
        }
    }
}

/// The digest of `bytes` with the algorithm `digest_oid`, if the tool computes it.
fn digest_bytes(digest_oid: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    digest(hash_of(digest_oid)?, &mut |f| {
        f(bytes);
        Ok(())
    })
    .ok()
}

/// A certificate's subject common name.
fn common_name(cert: &x509_cert::Certificate) -> Option<String> {
    subject_value(&cert.tbs_certificate.subject, "2.5.4.3")
        .into_iter()
        .next()
}

/// Reads trust anchors (DER or PEM certificates) named by the settings: the certificates, and
/// the files that are not one.
pub fn load_trust(paths: &[std::path::PathBuf]) -> (Vec<x509_cert::Certificate>, Vec<String>) {
    let mut anchors = Vec::new();
    let mut bad = Vec::new();
    for path in paths {
        let cert = crate::files::open_path(path)
            .ok()
            .filter(|(_, m)| m.len() <= MAX_SIGNATURE_BYTES)
            .and_then(|(mut f, _)| {
                let mut bytes = Vec::new();
                f.read_to_end(&mut bytes).ok()?;
                let der = if bytes.first() == Some(&0x30) {
                    bytes
                } else {
                    base64_body(&bytes)?
                };
                x509_cert::Certificate::from_der(&der).ok()
            });
        match cert {
            Some(c) => anchors.push(c),
            None => bad.push(path.display().to_string()),
        }
    }
    (anchors, bad)
}

/// Reads a CMS SignedData and checks each signer: its messageDigest against the content `parts`
/// feeds (the file, or a PDF's signed ranges), and its value against its certificate's key.
fn read_cms(
    der_bytes: &[u8],
    parts: Content<'_, '_>,
    coverage: Coverage,
    checker: &mut Checker<'_>,
) -> Result<Vec<Signer>, Problem> {
    let cache = &mut checker.cache;
    let trust = checker.trust;
    let mut parts = parts;
    let parts = &mut parts;
    let normalized;
    let der_bytes = if ber::is_indefinite(der_bytes) {
        normalized = ber::to_der(der_bytes).ok_or(Problem::NotCms)?;
        &normalized[..]
    } else {
        der_bytes
    };
    ber::within_bounds(der_bytes).ok_or(Problem::TooComplex)?;
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
    let mut out = Vec::new();
    for si in signed.signer_infos.0.iter().take(MAX_SIGNERS) {
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
            let oid = der::asn1::ObjectIdentifier::new(oid).ok()?;
            attrs.and_then(|a| {
                a.iter()
                    .find(|x| x.oid == oid)
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
        let hash = hash_of(&digest_oid);
        // What the key signed: the DER of the signed attributes, or the content itself.
        let (check, signed_digest) = match (attrs, hash) {
            (Some(attrs), Some(hash)) => {
                let check = match (
                    message_digest,
                    content_digest(cache, parts, &digest_oid, hash),
                ) {
                    (Some(expected), Some(actual)) if expected == actual => DigestCheck::Verified,
                    (Some(_), Some(_)) => DigestCheck::Mismatch,
                    _ => DigestCheck::Unverified,
                };
                let of_attrs = attrs.to_der().ok().and_then(|der| {
                    digest(hash, &mut |f| {
                        f(&der);
                        Ok(())
                    })
                    .ok()
                });
                (check, of_attrs)
            }
            (None, Some(hash)) => match content_digest(cache, parts, &digest_oid, hash) {
                Some(d) => (DigestCheck::Verified, Some(d)),
                None => (DigestCheck::Unverified, None),
            },
            _ => (DigestCheck::Unverified, None),
        };
        let value = match (cert, signed_digest) {
            (Some(c), Some(d)) => value::check(
                &c.tbs_certificate.subject_public_key_info,
                &si.signature_algorithm.oid.to_string(),
                &digest_oid,
                &d,
                si.signature.as_bytes(),
            ),
            _ => ValueCheck::NotVerified,
        };
        let chain = match cert {
            Some(c) if value == ValueCheck::Verified => {
                chain::follow(c, &certificates, trust, signing_time.as_deref())
            }
            _ => ChainCheck::NotChecked,
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
            value,
            coverage,
            weak_digest: matches!(hash, Some(Hash::Sha1)),
            chain,
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

/// The detached signatures of `document` in its signature files (`files`, as `signature_files`
/// finds them). The document is hashed once per algorithm, however many signature files name it
/// (`cache`): from `content` when its inspection read it whole, else read again beneath `root`.
pub fn detached(
    root: &Dir,
    document: &str,
    content: Option<&[u8]>,
    files: Vec<String>,
    checker: &mut Checker<'_>,
) -> Vec<Signature> {
    let mut out = Vec::new();
    for file in files {
        let result = read_bounded(root, &file, MAX_SIGNATURE_BYTES).and_then(|bytes| {
            // Some tools write Base64 (PEM-like) rather than DER.
            let der_bytes = if bytes.first() == Some(&0x30) {
                bytes
            } else {
                base64_body(&bytes).ok_or(Problem::NotDerOrBase64)?
            };
            let mut feed = |feed: &mut dyn FnMut(&[u8])| -> std::io::Result<()> {
                if let Some(bytes) = content {
                    feed(bytes);
                    return Ok(());
                }
                let (mut f, len) = crate::files::open_regular(root, Path::new(document))?;
                // On the stack: a zeroed 64 KiB buffer on the heap per signed document cost
                // more than hashing a small one.
                let mut buf = [0u8; 16 * 1024];
                let mut done = 0u64;
                loop {
                    let n = match f.read(&mut buf) {
                        Ok(n) => n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    };
                    if n == 0 {
                        break;
                    }
                    feed(&buf[..n]);
                    done += n as u64;
                    // A regular file gives fewer bytes than asked only at its end: the size
                    // fstat gave, reached by a short read, needs no read more to see the end.
                    if done == len && n < buf.len() {
                        break;
                    }
                }
                Ok(())
            };
            let content = Content {
                id: 0,
                feed: &mut feed,
            };
            read_cms(&der_bytes, content, Coverage::Whole, checker)
        });
        out.push(signature(document, Format::DetachedCms, Some(file), result));
    }
    out
}

/// The signature files of `document` among the names of its folder (`siblings`): the document's
/// name with `.cms`, `.p7s` or `.sig` added, as paths like the document's.
pub fn signature_files(document: &str, siblings: &[String]) -> Vec<String> {
    let base = Path::new(document)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(document);
    let parent = Path::new(document).parent().and_then(|p| p.to_str());
    // Most folders have no signature file: no name is made until one matches.
    let names = |ext: &&str| {
        siblings.iter().find(|s| {
            s.strip_prefix(base)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|e| e == *ext)
        })
    };
    SIGNATURE_EXTENSIONS
        .iter()
        .filter_map(|ext| names(ext).cloned())
        .map(|name| match parent {
            Some(p) if !p.is_empty() => format!("{p}/{name}"),
            _ => name,
        })
        .collect()
}

fn signature(
    document: &str,
    format: Format,
    file: Option<String>,
    result: Result<Vec<Signer>, Problem>,
) -> Signature {
    let (signers, problem) = match result {
        Ok(signers) => (signers, None),
        Err(why) => (Vec::new(), Some(why)),
    };
    Signature {
        document: document.to_string(),
        format,
        file,
        signers,
        problem,
    }
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

/// The signatures inside a PDF: each `/ByteRange [a b c d]` with its `/Contents <hex>`, read
/// from the handle around each `/ByteRange` (never the whole file), each signed range streamed
/// once per algorithm. Looked for only when the file's tail names a `/ByteRange`.
pub fn in_pdf(root: &Dir, document: &str, checker: &mut Checker<'_>) -> Vec<Signature> {
    use std::os::unix::fs::FileExt;
    if find(&pdf_tail(root, document), b"/ByteRange").is_none() {
        return Vec::new();
    }
    let opened = crate::files::open_beneath(root, Path::new(document));
    let (file, len) = match opened {
        Ok((f, m)) if m.len() <= MAX_SIGNED_PDF => (f, m.len() as usize),
        Ok(_) => {
            return vec![signature(
                document,
                Format::Pdf,
                None,
                Err(Problem::TooLarge),
            )];
        }
        Err(_) => {
            return vec![signature(
                document,
                Format::Pdf,
                None,
                Err(Problem::Unreadable),
            )];
        }
    };
    let read = |from: usize, to: usize| -> Option<Vec<u8>> {
        let mut buf = vec![0u8; to.saturating_sub(from)];
        file.read_exact_at(&mut buf, from as u64).ok()?;
        Some(buf)
    };
    let positions = byte_ranges(&file, len);
    // Where each signature's revision ends, to tell a later signature from a later change.
    let mut found: Vec<(usize, Result<SignatureAt, Problem>)> = Vec::new();
    for &pos in &positions {
        let from = pos.saturating_sub(PDF_SIGNATURE_BEFORE);
        let to = len.min(pos + PDF_SIGNATURE_AFTER);
        let at = read(from, to)
            .ok_or(Problem::Unreadable)
            .and_then(|window| signature_at(&window, from, pos - from, len));
        found.push((pos, at));
    }
    let ends: Vec<usize> = found
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().map(|s| s.end))
        .collect();
    let mut out = Vec::new();
    for (i, (_, at)) in found.into_iter().enumerate() {
        let result = at.and_then(|s| {
            let coverage = match s.coverage {
                Coverage::Whole if s.end < len => {
                    if ends.contains(&len) {
                        Coverage::LaterSignature
                    } else {
                        Coverage::ChangedAfterSigning
                    }
                }
                c => c,
            };
            let [a, b, c, d] = s.ranges;
            let mut feed = |feed: &mut dyn FnMut(&[u8])| -> std::io::Result<()> {
                for (start, n) in [(a, b), (c, d)] {
                    let mut at = start;
                    let end = start + n;
                    let mut buf = vec![0u8; 64 * 1024];
                    while at < end {
                        let k = buf.len().min(end - at);
                        file.read_exact_at(&mut buf[..k], at as u64)?;
                        feed(&buf[..k]);
                        at += k;
                    }
                }
                Ok(())
            };
            let content = Content {
                id: 1 + i as u64,
                feed: &mut feed,
            };
            read_cms(&s.der, content, coverage, checker)
        });
        out.push(signature(document, Format::Pdf, None, result));
    }
    out
}

/// Where each `/ByteRange` is in the file, read in chunks (at most `MAX_PDF_SIGNATURES`).
fn byte_ranges(file: &std::fs::File, len: usize) -> Vec<usize> {
    use std::os::unix::fs::FileExt;
    const KEY: &[u8] = b"/ByteRange";
    let mut out = Vec::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut at = 0usize;
    while at < len && out.len() < MAX_PDF_SIGNATURES {
        let n = buf.len().min(len - at);
        if file.read_exact_at(&mut buf[..n], at as u64).is_err() {
            break;
        }
        let mut from = 0;
        while let Some(p) = find(&buf[from..n], KEY) {
            out.push(at + from + p);
            from += p + KEY.len();
        }
        if at + n >= len {
            break;
        }
        // Overlap, so a key across two chunks is found once.
        at += n - (KEY.len() - 1);
    }
    out.dedup();
    out.truncate(MAX_PDF_SIGNATURES);
    out
}

/// One PDF signature as its dictionary says: the ranges, where its revision ends, the CMS, and
/// what the ranges cover.
struct SignatureAt {
    ranges: [usize; 4],
    end: usize,
    der: Vec<u8>,
    coverage: Coverage,
}

/// Reads the signature dictionary around the `/ByteRange` at `pos` of `window` (which starts at
/// byte `from` of a file of `len` bytes), with the PDF reader's tokenizer.
fn signature_at(
    window: &[u8],
    from: usize,
    pos: usize,
    len: usize,
) -> Result<SignatureAt, Problem> {
    let fields = crate::inspect::signature_fields(window, pos).ok_or(Problem::ByteRange)?;
    let [a, b, c, d] = fields.byte_range;
    let (end1, end2) = (
        a.checked_add(b).ok_or(Problem::ByteRangeOutside)?,
        c.checked_add(d).ok_or(Problem::ByteRangeOutside)?,
    );
    if end1 > c || end2 > len {
        return Err(Problem::ByteRangeOutside);
    }
    let der = fields.contents.ok_or(Problem::Contents)?;
    let der = first_element(&der).unwrap_or(&der).to_vec();
    // The ranges start at the first byte and leave out exactly the `/Contents` string.
    let gap = fields.contents_span.map(|(s, e)| (s + from, e + from));
    let coverage = if a == 0 && gap == Some((end1, c)) {
        Coverage::Whole
    } else {
        Coverage::Partial
    };
    Ok(SignatureAt {
        ranges: [a, b, c, d],
        end: end2,
        der,
        coverage,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_signature_files_are_its_name_and_an_extension_in_the_listed_order() {
        let siblings: Vec<String> = [
            "a.pdf.sig",
            "a.pdf.cms",
            "b.pdf.cms",
            "a.pdf",
            "a.pdf.cms.bak",
            "a.pdfx.cms",
            "a.pdf.p7",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            signature_files("docs/a.pdf", &siblings),
            ["docs/a.pdf.cms", "docs/a.pdf.sig"]
        );
        assert_eq!(
            signature_files("a.pdf", &siblings),
            ["a.pdf.cms", "a.pdf.sig"]
        );
        assert!(signature_files("docs/c.pdf", &siblings).is_empty());
        assert!(signature_files("docs/a.pdf", &[]).is_empty());
    }

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
            let _ = cms(&bytes);
            let mut framed = vec![0x30, 0x82, 0x01, 0xff];
            framed.extend_from_slice(&bytes);
            let _ = cms(&framed);
            let mut pdf = b"%PDF-1.7 /ByteRange [".to_vec();
            pdf.extend_from_slice(&bytes);
            let _ = signature_at(&pdf, 0, 9, pdf.len());
            let _ = first_element(&bytes);
            let _ = base64_body(&bytes);
        }
    }

    /// `read_cms` over empty content.
    fn cms(bytes: &[u8]) -> Result<Vec<Signer>, Problem> {
        let mut nothing = |_: &mut dyn FnMut(&[u8])| Ok(());
        let content = Content {
            id: 0,
            feed: &mut nothing,
        };
        read_cms(bytes, content, Coverage::Whole, &mut Checker::new(&[]))
    }

    #[test]
    fn garbage_is_not_a_signature() {
        assert!(cms(b"\x30\x03\x02\x01\x01").is_err());
        assert!(cms(b"").is_err());
    }
}
