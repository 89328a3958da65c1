//! Says which encoding a file that is not UTF-8 is probably in, so a user who saved
//! `dossier.yaml` from an old editor learns what to convert from.

use crate::finding::Message;

/// What the bytes probably are, such as "it looks like Windows-1251 (Cyrillic)", as a message.
pub fn describe(bytes: &[u8]) -> Message {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Message::new("encoding.utf16");
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    if guess == encoding_rs::WINDOWS_1251 {
        Message::new("encoding.windows-1251")
    } else if guess == encoding_rs::UTF_8 {
        Message::new("encoding.invalid-utf8")
    } else {
        Message::new("encoding.other").arg("encoding", guess.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_windows_1251() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("объект: Единая система электронного документооборота государственных органов");
        assert_eq!(describe(&bytes).key, "encoding.windows-1251");
    }

    #[test]
    fn names_utf16() {
        assert_eq!(describe(&[0xFF, 0xFE, b'a', 0]).key, "encoding.utf16");
    }
}
