//! The certificate chain of a verified signer: from its certificate, issuer by issuer (each
//! certificate's signature checked with its issuer's key), to a trust anchor the user gave
//! (`trust` in `dossier.toml`). No anchor is built in: the public NCA RK roots could not be
//! obtained from two independent sources for this release (docs/integrity.md). Revocation is
//! not checked (that needs the CA's lists online).

use super::value::{ValueCheck, check};
use der::Encode;
use serde::Serialize;
use x509_cert::Certificate;

/// How far the chain was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum ChainCheck {
    /// No trust anchor is configured: the chain is not checked.
    NotChecked,
    /// Each certificate up to `anchor` (its common name) is signed by the next.
    Verified { anchor: String },
    /// No certificate in the signature or among the anchors issued one on the way.
    UnknownIssuer,
    /// The signing time lies outside the validity of a certificate on the way.
    ExpiredAtSigning,
}

/// Longest chain followed.
const MAX_CHAIN: usize = 8;

/// The digest algorithm a certificate signature algorithm names.
fn digest_of(signature_oid: &str) -> Option<&'static str> {
    Some(match signature_oid {
        "1.2.840.113549.1.1.5" | "1.2.840.10045.4.1" => "1.3.14.3.2.26",
        "1.2.840.113549.1.1.11" | "1.2.840.10045.4.3.2" => "2.16.840.1.101.3.4.2.1",
        "1.2.840.113549.1.1.12" | "1.2.840.10045.4.3.3" => "2.16.840.1.101.3.4.2.2",
        "1.2.840.113549.1.1.13" | "1.2.840.10045.4.3.4" => "2.16.840.1.101.3.4.2.3",
        _ => return None,
    })
}

/// Whether `issuer`'s key made `cert`'s signature.
fn signed_by(cert: &Certificate, issuer: &Certificate) -> bool {
    let sig_oid = cert.signature_algorithm.oid.to_string();
    let (Some(digest_oid), Ok(tbs)) = (digest_of(&sig_oid), cert.tbs_certificate.to_der()) else {
        return false;
    };
    let Some(digest) = super::digest_bytes(digest_oid, &tbs) else {
        return false;
    };
    let Some(signature) = cert.signature.as_bytes() else {
        return false;
    };
    check(
        &issuer.tbs_certificate.subject_public_key_info,
        &sig_oid,
        digest_oid,
        &digest,
        signature,
    ) == ValueCheck::Verified
}

/// Whether `time` (`YYYY-MM-DDTHH:MM:SSZ`) lies within `cert`'s validity.
fn valid_at(cert: &Certificate, time: Option<&str>) -> bool {
    let Some(time) = time.and_then(super::parse_time) else {
        return true;
    };
    let v = &cert.tbs_certificate.validity;
    let (from, until) = (
        super::parse_time(&super::time_text(&v.not_before)),
        super::parse_time(&super::time_text(&v.not_after)),
    );
    from.is_none_or(|f| f <= time) && until.is_none_or(|u| time <= u)
}

/// Follows the chain from `leaf` through the signature's own `pool` of certificates to one of
/// the `anchors`.
pub fn follow(
    leaf: &Certificate,
    pool: &[&Certificate],
    anchors: &[Certificate],
    signing_time: Option<&str>,
) -> ChainCheck {
    if anchors.is_empty() {
        return ChainCheck::NotChecked;
    }
    let mut current = leaf;
    for _ in 0..MAX_CHAIN {
        if !valid_at(current, signing_time) {
            return ChainCheck::ExpiredAtSigning;
        }
        if let Some(anchor) = anchors.iter().find(|a| *a == current) {
            return ChainCheck::Verified {
                anchor: super::common_name(anchor).unwrap_or_default(),
            };
        }
        let issuer = anchors.iter().chain(pool.iter().copied()).find(|c| {
            c.tbs_certificate.subject == current.tbs_certificate.issuer
                && *c != current
                && signed_by(current, c)
        });
        match issuer {
            Some(next) => current = next,
            None => return ChainCheck::UnknownIssuer,
        }
    }
    ChainCheck::UnknownIssuer
}
