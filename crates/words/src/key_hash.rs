/// FNV-1a, 64 bits: the hash of the catalogue's index, used by build.rs to make it and by the
/// library to look a key up (one file, included by both).
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
