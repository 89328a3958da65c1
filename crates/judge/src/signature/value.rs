//! The signature value: what the signer's key signed, checked against the public key of the
//! certificate that names the signer. RSA (PKCS #1 v1.5 and PSS) and ECDSA (P-256, P-384) use
//! RustCrypto's implementations. GOST R 34.10 (the NCA RK's national algorithm) is not checked:
//! no maintained implementation with the Kazakh parameter sets could be vetted, so such a
//! signer is reported as not verified, never as verified.

use der::Encode;
use serde::Serialize;

/// What the check of the signature value found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueCheck {
    /// The value verifies with the certificate's key: that key signed these attributes.
    Verified,
    /// It does not: not this key's signature, or not of these attributes.
    Invalid,
    /// The algorithm is not one the tool checks (GOST), or the certificate is missing.
    NotVerified,
}

const RSA: &str = "1.2.840.113549.1.1.1";
const RSA_PSS: &str = "1.2.840.113549.1.1.10";
const EC: &str = "1.2.840.10045.2.1";
const P256: &str = "1.2.840.10045.3.1.7";
const P384: &str = "1.3.132.0.34";

/// The DER DigestInfo prefix of a digest algorithm, for PKCS #1 v1.5.
fn digest_info(digest_oid: &str) -> Option<&'static [u8]> {
    Some(match digest_oid {
        "1.3.14.3.2.26" => &[
            0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04,
            0x14,
        ],
        "2.16.840.1.101.3.4.2.1" => &[
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x05, 0x00, 0x04, 0x20,
        ],
        "2.16.840.1.101.3.4.2.2" => &[
            0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x02, 0x05, 0x00, 0x04, 0x30,
        ],
        "2.16.840.1.101.3.4.2.3" => &[
            0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x03, 0x05, 0x00, 0x04, 0x40,
        ],
        _ => return None,
    })
}

/// PKCS #1 v1.5 (RFC 8017, 8.2.2): `signature`^e mod n is `00 01 FF…FF 00 ‖ DigestInfo ‖ H`.
/// The public operation is square and multiply over the public exponent (`rsa_public`).
fn pkcs1v15_holds(spki_der: &[u8], prefix: &[u8], digest: &[u8], signature: &[u8]) -> bool {
    use der::Decode;
    let Ok(spki) = x509_cert::spki::SubjectPublicKeyInfoRef::from_der(spki_der) else {
        return false;
    };
    let Some(bits) = spki.subject_public_key.as_bytes() else {
        return false;
    };
    let Ok(key) = rsa::pkcs1::RsaPublicKey::from_der(bits) else {
        return false;
    };
    let (n, e) = (key.modulus.as_bytes(), key.public_exponent.as_bytes());
    let k = n.len();
    if signature.len() != k || n.last().is_none_or(|b| b & 1 == 0) || e.len() > 8 {
        return false;
    }
    let Some(em) = rsa_public(n, e, signature) else {
        return false;
    };
    // 00 01, at least eight FF, 00, then the DigestInfo and the digest.
    let t = prefix.len() + digest.len();
    if k < t + 11 || em[..2] != [0, 1] || em[k - t - 1] != 0 {
        return false;
    }
    em[2..k - t - 1].iter().all(|b| *b == 0xFF)
        && em[k - t..k - digest.len()] == *prefix
        && em[k - digest.len()..] == *digest
}

/// `s`^e mod n, big-endian, as long as n; `None` for `s` ≥ n (n odd, as an RSA modulus is).
/// Montgomery multiplication over the bits of the public exponent (`crypto-bigint`, fixed
/// widths up to 4,096 bits) for a key met before: its set-up for a modulus costs more than the
/// exponentiation, and the same signers sign many documents, so the set-ups of the latest keys
/// are remembered. A key met for the first time: square and multiply with a remainder at each
/// step (`rsa_public_any`), the cheaper of the two once.
fn rsa_public(n: &[u8], e: &[u8], s: &[u8]) -> Option<Vec<u8>> {
    use crypto_bigint::{U2048, U4096};
    const W2048: usize = U2048::LIMBS;
    const W4096: usize = U4096::LIMBS;
    static KEYS_2048: Keys<W2048> = std::sync::Mutex::new(Vec::new());
    static KEYS_4096: Keys<W4096> = std::sync::Mutex::new(Vec::new());
    let n = strip_zeros(n);
    match n.len() {
        0 => None,
        1..=256 => rsa_public_fixed::<W2048>(n, e, s, &KEYS_2048),
        257..=512 => rsa_public_fixed::<W4096>(n, e, s, &KEYS_4096),
        _ => rsa_public_any(n, e, s),
    }
}

/// The moduli met last, newest last, with their Montgomery set-up once met twice.
type Keys<const LIMBS: usize> = std::sync::Mutex<
    Vec<(
        Vec<u8>,
        Option<crypto_bigint::modular::runtime_mod::DynResidueParams<LIMBS>>,
    )>,
>;

/// The set-ups remembered per width.
const KEYS_REMEMBERED: usize = 32;

fn strip_zeros(b: &[u8]) -> &[u8] {
    let first = b.iter().position(|x| *x != 0).unwrap_or(b.len());
    &b[first..]
}

/// [`rsa_public`] at a fixed width of `LIMBS` words.
fn rsa_public_fixed<const LIMBS: usize>(
    n: &[u8],
    e: &[u8],
    s: &[u8],
    keys: &Keys<LIMBS>,
) -> Option<Vec<u8>> {
    use crypto_bigint::modular::runtime_mod::{DynResidue, DynResidueParams};
    use crypto_bigint::{Limb, Uint};
    let width = LIMBS * Limb::BYTES;
    let wide = |b: &[u8]| -> Option<Uint<LIMBS>> {
        let b = strip_zeros(b);
        let mut padded = vec![0u8; width.checked_sub(b.len())?];
        padded.extend_from_slice(b);
        Some(Uint::from_be_slice(&padded))
    };
    let (modulus, exponent, base) = (wide(n)?, wide(e)?, wide(s)?);
    if n.last().is_none_or(|b| b & 1 == 0) || base >= modulus {
        return None;
    }
    let known = keys
        .lock()
        .ok()
        .and_then(|k| k.iter().find(|(m, _)| m == n).map(|(_, p)| *p));
    let params = match known {
        Some(Some(params)) => params,
        // Met once before: set up now and remembered.
        Some(None) => {
            let params = DynResidueParams::new(&modulus);
            if let Ok(mut k) = keys.lock()
                && let Some(entry) = k.iter_mut().find(|(m, _)| m == n)
            {
                entry.1 = Some(params);
            }
            params
        }
        None => {
            if let Ok(mut k) = keys.lock() {
                if k.len() >= KEYS_REMEMBERED {
                    k.remove(0);
                }
                k.push((n.to_vec(), None));
            }
            return rsa_public_any(n, e, s);
        }
    };
    let bits = exponent.bits();
    let result = DynResidue::new(&base, params)
        .pow_bounded_exp(&exponent, bits)
        .retrieve();
    // Little-endian words to big-endian bytes, as long as n.
    let bytes: Vec<u8> = result
        .as_words()
        .iter()
        .rev()
        .flat_map(|w| w.to_be_bytes())
        .collect();
    Some(bytes[bytes.len() - n.len()..].to_vec())
}

/// `s`^e mod n for a modulus wider than 4,096 bits: square and multiply with the `rsa` crate's
/// big integers and a plain remainder at each step (public data needs no constant time).
fn rsa_public_any(n: &[u8], e: &[u8], s: &[u8]) -> Option<Vec<u8>> {
    use rsa::BigUint;
    let (n, e, base) = (
        BigUint::from_bytes_be(n),
        BigUint::from_bytes_be(e),
        BigUint::from_bytes_be(s),
    );
    if base >= n {
        return None;
    }
    let mut result = BigUint::from(1u8);
    for i in (0..e.bits()).rev() {
        result = (&result * &result) % &n;
        if ((&e >> i) & BigUint::from(1u8)) == BigUint::from(1u8) {
            result = (&result * &base) % &n;
        }
    }
    let bytes = result.to_bytes_be();
    let k = n.bits().div_ceil(8);
    let mut out = vec![0u8; k.saturating_sub(bytes.len())];
    out.extend_from_slice(&bytes);
    Some(out)
}

/// Checks `signature` over `digest` (the digest, with `digest_oid`, of what was signed: the
/// DER of the signed attributes, or the content when there are none) with the key of `spki`.
pub fn check(
    spki: &x509_cert::spki::SubjectPublicKeyInfoOwned,
    signature_oid: &str,
    digest_oid: &str,
    digest: &[u8],
    signature: &[u8],
) -> ValueCheck {
    let key_oid = spki.algorithm.oid.to_string();
    let Ok(spki_der) = spki.to_der() else {
        return ValueCheck::Invalid;
    };
    let verified = |ok: bool| {
        if ok {
            ValueCheck::Verified
        } else {
            ValueCheck::Invalid
        }
    };
    match key_oid.as_str() {
        RSA | RSA_PSS => {
            use rsa::pkcs8::DecodePublicKey;
            if signature_oid == RSA_PSS {
                let Ok(key) = rsa::RsaPublicKey::from_public_key_der(&spki_der) else {
                    return ValueCheck::Invalid;
                };
                let ok = match digest_oid {
                    "2.16.840.1.101.3.4.2.1" => key
                        .verify(rsa::Pss::new::<rsa::sha2::Sha256>(), digest, signature)
                        .is_ok(),
                    "2.16.840.1.101.3.4.2.2" => key
                        .verify(rsa::Pss::new::<rsa::sha2::Sha384>(), digest, signature)
                        .is_ok(),
                    "2.16.840.1.101.3.4.2.3" => key
                        .verify(rsa::Pss::new::<rsa::sha2::Sha512>(), digest, signature)
                        .is_ok(),
                    _ => return ValueCheck::NotVerified,
                };
                return verified(ok);
            }
            let Some(prefix) = digest_info(digest_oid) else {
                return ValueCheck::NotVerified;
            };
            verified(pkcs1v15_holds(&spki_der, prefix, digest, signature))
        }
        EC => {
            use p256::ecdsa::signature::hazmat::PrehashVerifier;
            use p256::pkcs8::DecodePublicKey;
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<der::asn1::ObjectIdentifier>().ok())
                .map(|o| o.to_string());
            match curve.as_deref() {
                Some(P256) => {
                    let (Ok(key), Ok(sig)) = (
                        p256::ecdsa::VerifyingKey::from_public_key_der(&spki_der),
                        p256::ecdsa::Signature::from_der(signature),
                    ) else {
                        return ValueCheck::Invalid;
                    };
                    verified(key.verify_prehash(digest, &sig).is_ok())
                }
                Some(P384) => {
                    let (Ok(key), Ok(sig)) = (
                        p384::ecdsa::VerifyingKey::from_public_key_der(&spki_der),
                        p384::ecdsa::Signature::from_der(signature),
                    ) else {
                        return ValueCheck::Invalid;
                    };
                    verified(key.verify_prehash(digest, &sig).is_ok())
                }
                _ => ValueCheck::NotVerified,
            }
        }
        _ => ValueCheck::NotVerified,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Montgomery path gives what square and multiply with remainders gives, for moduli of
    /// every width it takes (and one past it), exponents 3 and 65537, and bases near n.
    #[test]
    fn the_public_operation_agrees_with_square_and_multiply() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for len in [64, 128, 255, 256, 384, 511, 512, 520] {
            for _ in 0..3 {
                let mut n: Vec<u8> = (0..len).map(|_| next() as u8).collect();
                n[0] |= 0x80;
                n[len - 1] |= 1;
                let mut s: Vec<u8> = (0..len).map(|_| next() as u8).collect();
                s[0] &= 0x7f;
                for e in [&[3u8][..], &[1, 0, 1]] {
                    // Three times: the first without a set-up, the second making it, the
                    // third with it remembered.
                    for _ in 0..3 {
                        assert_eq!(
                            rsa_public(&n, e, &s),
                            rsa_public_any(&n, e, &s),
                            "{len} bytes, e = {e:?}"
                        );
                    }
                }
                // s ≥ n is refused either way.
                assert_eq!(rsa_public(&n, &[3], &n), None);
                assert_eq!(rsa_public_any(&n, &[3], &n), None);
            }
        }
    }
}
