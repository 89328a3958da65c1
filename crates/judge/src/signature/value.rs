//! The signature value: what the signer's key signed, checked against the public key of the
//! certificate that names the signer. RSA (PKCS #1 v1.5 and PSS) and ECDSA (P-256, P-384) use
//! RustCrypto's implementations. GOST R 34.10 (the NCA RK's national algorithm) is not checked:
//! no maintained implementation with the Kazakh parameter sets could be vetted, so such a
//! signer is reported as not verified, never as verified.

use crate::limits::MAX_RSA_MODULUS_BITS;
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
fn pkcs1v15(spki_der: &[u8], prefix: &[u8], digest: &[u8], signature: &[u8]) -> ValueCheck {
    use der::Decode;
    let Ok(spki) = x509_cert::spki::SubjectPublicKeyInfoRef::from_der(spki_der) else {
        return ValueCheck::Invalid;
    };
    let Some(bits) = spki.subject_public_key.as_bytes() else {
        return ValueCheck::Invalid;
    };
    let Ok(key) = rsa::pkcs1::RsaPublicKey::from_der(bits) else {
        return ValueCheck::Invalid;
    };
    let (n, e) = (key.modulus.as_bytes(), key.public_exponent.as_bytes());
    if strip_zeros(n).len() * 8 > MAX_RSA_MODULUS_BITS {
        return ValueCheck::NotVerified;
    }
    let k = n.len();
    if signature.len() != k || n.last().is_none_or(|b| b & 1 == 0) || e.len() > 8 {
        return ValueCheck::Invalid;
    }
    let Some(em) = rsa_public(n, e, signature) else {
        return ValueCheck::Invalid;
    };
    // 00 01, at least eight FF, 00, then the DigestInfo and the digest.
    let t = prefix.len() + digest.len();
    if k < t + 11 || em[..2] != [0, 1] || em[k - t - 1] != 0 {
        return ValueCheck::Invalid;
    }
    let holds = em[2..k - t - 1].iter().all(|b| *b == 0xFF)
        && em[k - t..k - digest.len()] == *prefix
        && em[k - digest.len()..] == *digest;
    if holds {
        ValueCheck::Verified
    } else {
        ValueCheck::Invalid
    }
}

/// `s`^e mod n, big-endian, as long as n; `None` for `s` ≥ n or an even n (an RSA modulus is
/// odd). Montgomery multiplication (CIOS) over the bits of the public exponent, in 64-bit
/// words: e = 65537 costs 17 products, and one more brings `s` into Montgomery form (by R² mod
/// n, a key's one division, kept for the next signature of the same key). Public data needs no
/// constant time. Ours because the crates at hand do worse here: `crypto-bigint` spends more on
/// a modulus's set-up (constant-time remainders bit by bit) than on the exponentiation, and the
/// `rsa` crate's `num-bigint-dig` divides at every step.
fn rsa_public(n: &[u8], e: &[u8], s: &[u8]) -> Option<Vec<u8>> {
    let n = strip_zeros(n);
    if n.last().is_none_or(|b| b & 1 == 0) {
        return None;
    }
    // s < n, compared as big-endian numbers.
    let s = strip_zeros(s);
    if (s.len(), s) >= (n.len(), n) {
        return None;
    }
    let k = n.len().div_ceil(8);
    let modulus = words(n, k);
    let r2 = r_squared(n, &modulus);
    let inv = neg_inverse(modulus[0]);
    let mut scratch = vec![0u64; 2 * k + 1];
    let mut product = vec![0u64; k];
    // s·R² ·R⁻¹ = s·R mod n: s in Montgomery form.
    montgomery_product(&words(s, k), &r2, &modulus, inv, &mut product, &mut scratch);
    let base = product.clone();
    let mut x = base.clone();
    let e = strip_zeros(e);
    let bits = e.len() * 8;
    let bit = |i: usize| e[i / 8] >> (7 - i % 8) & 1 == 1;
    let Some(top) = (0..bits).find(|i| bit(*i)) else {
        // s^0 = 1.
        let mut one = vec![0u8; n.len()];
        *one.last_mut()? = 1;
        return Some(one);
    };
    for i in top + 1..bits {
        montgomery_square(&x, &modulus, inv, &mut product, &mut scratch);
        std::mem::swap(&mut x, &mut product);
        if bit(i) {
            montgomery_product(&x, &base, &modulus, inv, &mut product, &mut scratch);
            std::mem::swap(&mut x, &mut product);
        }
    }
    // Out of Montgomery form: x·1·R⁻¹.
    let mut one = vec![0u64; k];
    one[0] = 1;
    montgomery_product(&x, &one, &modulus, inv, &mut product, &mut scratch);
    let bytes: Vec<u8> = product.iter().rev().flat_map(|w| w.to_be_bytes()).collect();
    Some(bytes[bytes.len() - n.len()..].to_vec())
}

/// The keys whose R² mod n a worker keeps: a run meets few signers' keys, many times each.
const KEPT_KEYS: usize = 4;

/// A modulus and its R² mod n, in words.
type KeptKey = (Vec<u64>, std::rc::Rc<[u64]>);

thread_local! {
    static R_SQUARED: std::cell::RefCell<Vec<KeptKey>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// R² mod n (R = 2^(64k)) for the modulus `n` (big-endian, no leading zeros) of `k` words,
/// from the worker's kept keys or computed (and kept, the oldest let go).
fn r_squared(n: &[u8], modulus: &[u64]) -> std::rc::Rc<[u64]> {
    R_SQUARED.with_borrow_mut(|kept| {
        if let Some(at) = kept.iter().position(|(m, _)| m == modulus) {
            return kept[at].1.clone();
        }
        use rsa::BigUint;
        let k = modulus.len();
        let r2 = (BigUint::from(1u8) << (128 * k)) % BigUint::from_bytes_be(n);
        let r2: std::rc::Rc<[u64]> = words(&r2.to_bytes_be(), k).into();
        if kept.len() == KEPT_KEYS {
            kept.remove(0);
        }
        kept.push((modulus.to_vec(), r2.clone()));
        r2
    })
}

fn strip_zeros(b: &[u8]) -> &[u8] {
    let first = b.iter().position(|x| *x != 0).unwrap_or(b.len());
    &b[first..]
}

/// Big-endian bytes (at most `k` words of them) as `k` little-endian 64-bit words.
fn words(bytes: &[u8], k: usize) -> Vec<u64> {
    let mut out = vec![0u64; k];
    for (i, b) in bytes.iter().rev().enumerate() {
        out[i / 8] |= u64::from(*b) << (8 * (i % 8));
    }
    out
}

/// −n⁻¹ mod 2^64 for an odd n: Newton's iteration doubles the correct low bits each step
/// (n·n ≡ 1 mod 8 starts it at three).
fn neg_inverse(n0: u64) -> u64 {
    let mut x = n0;
    for _ in 0..5 {
        x = x.wrapping_mul(2u64.wrapping_sub(n0.wrapping_mul(x)));
    }
    x.wrapping_neg()
}

/// `out` = a·b·R⁻¹ mod n (a, b < n), by coarsely integrated operand scanning; `t` holds at
/// least k + 2 words.
fn montgomery_product(a: &[u64], b: &[u64], n: &[u64], inv: u64, out: &mut [u64], t: &mut [u64]) {
    let k = n.len();
    let t = &mut t[..k + 2];
    t.fill(0);
    for &bi in b {
        let mut carry = 0u64;
        for j in 0..k {
            let v = u128::from(t[j]) + u128::from(a[j]) * u128::from(bi) + u128::from(carry);
            t[j] = v as u64;
            carry = (v >> 64) as u64;
        }
        let v = u128::from(t[k]) + u128::from(carry);
        t[k] = v as u64;
        t[k + 1] = (v >> 64) as u64;
        let m = t[0].wrapping_mul(inv);
        let v = u128::from(t[0]) + u128::from(m) * u128::from(n[0]);
        let mut carry = (v >> 64) as u64;
        for j in 1..k {
            let v = u128::from(t[j]) + u128::from(m) * u128::from(n[j]) + u128::from(carry);
            t[j - 1] = v as u64;
            carry = (v >> 64) as u64;
        }
        let v = u128::from(t[k]) + u128::from(carry);
        t[k - 1] = v as u64;
        t[k] = t[k + 1] + (v >> 64) as u64;
    }
    below_2n(&t[..k], t[k], n, out);
}

/// `out` = the value `low` (k words) with `top` above it, less n when it is n or more: a
/// Montgomery result is below 2n, so one subtraction at most.
fn below_2n(low: &[u64], top: u64, n: &[u64], out: &mut [u64]) {
    let below_n = top == 0 && low.iter().rev().cmp(n.iter().rev()) == std::cmp::Ordering::Less;
    if below_n {
        out.copy_from_slice(low);
    } else {
        let mut borrow = false;
        for ((o, &l), &nj) in out.iter_mut().zip(low).zip(n) {
            let (d, b1) = l.overflowing_sub(nj);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            *o = d;
            borrow = b1 || b2;
        }
    }
}

/// `out` = a·a·R⁻¹ mod n (a < n): the square with each cross product made once and doubled,
/// then reduced (REDC), about three quarters of the multiplications of `montgomery_product`
/// (sixteen of the seventeen steps of e = 65537 are squares); `t` holds 2k + 1 words.
fn montgomery_square(a: &[u64], n: &[u64], inv: u64, out: &mut [u64], t: &mut [u64]) {
    let k = n.len();
    let t = &mut t[..2 * k + 1];
    t.fill(0);
    // The cross products a_i·a_j, i < j, each once: row i adds at i + j and carries into i + k,
    // which no earlier row has reached.
    for i in 0..k {
        let (ai, mut carry) = (a[i], 0u64);
        for j in i + 1..k {
            let v = u128::from(t[i + j]) + u128::from(ai) * u128::from(a[j]) + u128::from(carry);
            t[i + j] = v as u64;
            carry = (v >> 64) as u64;
        }
        t[i + k] = carry;
    }
    // Doubled (they sum to less than a²/2, so no bit leaves the 2k words), then the squares
    // a_i² on the diagonal.
    let mut top = 0u64;
    for w in &mut t[..2 * k] {
        let next = *w >> 63;
        *w = (*w << 1) | top;
        top = next;
    }
    let mut carry = 0u128;
    for i in 0..k {
        let sq = u128::from(a[i]) * u128::from(a[i]);
        let v = u128::from(t[2 * i]) + (sq & u128::from(u64::MAX)) + carry;
        t[2 * i] = v as u64;
        let v = u128::from(t[2 * i + 1]) + (sq >> 64) + (v >> 64);
        t[2 * i + 1] = v as u64;
        carry = v >> 64;
    }
    // REDC: add m·n at word i to clear it, k times; the value is then below 2n·R.
    for i in 0..k {
        let m = t[i].wrapping_mul(inv);
        let mut carry = 0u64;
        for j in 0..k {
            let v = u128::from(t[i + j]) + u128::from(m) * u128::from(n[j]) + u128::from(carry);
            t[i + j] = v as u64;
            carry = (v >> 64) as u64;
        }
        let mut at = i + k;
        while carry != 0 && at <= 2 * k {
            let (sum, over) = t[at].overflowing_add(carry);
            t[at] = sum;
            carry = u64::from(over);
            at += 1;
        }
    }
    below_2n(&t[k..2 * k], t[2 * k], n, out);
}

/// `s`^e mod n by square and multiply with a remainder at each step: the plain definition,
/// against which the Montgomery path is tested.
#[cfg(test)]
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
            pkcs1v15(&spki_der, prefix, digest, signature)
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

    /// Pseudo-random words from `seed` (xorshift64): test values that are the same every run.
    fn xorshift(mut x: u64) -> impl FnMut() -> u64 {
        move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        }
    }

    /// The square gives what the product of a value with itself gives, for values up to n − 1
    /// and moduli of one to 65 words.
    #[test]
    fn the_square_is_the_product_with_itself() {
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        for k in [1, 2, 3, 8, 32, 33, 64, 65] {
            for round in 0..20 {
                let mut n: Vec<u64> = (0..k).map(|_| next()).collect();
                n[0] |= 1;
                if round % 2 == 0 {
                    n[k - 1] |= 1 << 63;
                }
                // A value below n: n − 1 on some rounds, else n with its top word lowered.
                let mut a = n.clone();
                if round % 5 == 0 {
                    a[0] -= 1;
                } else {
                    a[k - 1] = next() % n[k - 1].max(1);
                }
                let inv = neg_inverse(n[0]);
                let (mut by_product, mut by_square) = (vec![0; k], vec![0; k]);
                let mut t = vec![0; 2 * k + 1];
                montgomery_product(&a, &a, &n, inv, &mut by_product, &mut t);
                montgomery_square(&a, &n, inv, &mut by_square, &mut t);
                assert_eq!(by_square, by_product, "k = {k}, round {round}");
            }
        }
    }

    /// A key larger than the tool checks is not worked on: the public operation costs the
    /// square of its size (a 1 MiB signature file could hold a modulus of four million bits).
    #[test]
    fn an_oversized_rsa_key_is_not_verified_and_costs_nothing() {
        use rsa::pkcs8::EncodePublicKey;
        let bits = 1 << 18;
        let n = rsa::BigUint::from_bytes_be(&vec![0xFF; bits / 8]);
        let key = rsa::RsaPublicKey::new_unchecked(n, rsa::BigUint::from(65537u32));
        let der = key.to_public_key_der().unwrap();
        let prefix = digest_info("2.16.840.1.101.3.4.2.1").unwrap();
        let signature = vec![1u8; bits / 8];
        let started = std::time::Instant::now();
        assert_eq!(
            pkcs1v15(der.as_bytes(), prefix, &[0; 32], &signature),
            ValueCheck::NotVerified
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    /// The Montgomery path gives what square and multiply with remainders gives, for moduli of
    /// 512 to 4,160 bits, whole words or not, exponents 3 and 65537.
    #[test]
    fn the_public_operation_agrees_with_square_and_multiply() {
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        for len in [64, 128, 255, 256, 384, 511, 512, 520] {
            for _ in 0..3 {
                let mut n: Vec<u8> = (0..len).map(|_| next() as u8).collect();
                n[0] |= 0x80;
                n[len - 1] |= 1;
                let mut s: Vec<u8> = (0..len).map(|_| next() as u8).collect();
                s[0] &= 0x7f;
                for e in [&[3u8][..], &[1, 0, 1]] {
                    assert_eq!(
                        rsa_public(&n, e, &s),
                        rsa_public_any(&n, e, &s),
                        "{len} bytes, e = {e:?}"
                    );
                }
                // The largest base, n − 1 (n is odd: its last byte is not zero).
                let mut top = n.clone();
                top[len - 1] -= 1;
                assert_eq!(
                    rsa_public(&n, &[1, 0, 1], &top),
                    rsa_public_any(&n, &[1, 0, 1], &top)
                );
                // s ≥ n is refused either way.
                assert_eq!(rsa_public(&n, &[3], &n), None);
                assert_eq!(rsa_public_any(&n, &[3], &n), None);
            }
        }
    }
}
