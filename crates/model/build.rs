//! The built-in editions, their history and the calendar are TOML (the form maintainers edit and
//! `--rules` reads); parsing 130 KiB of TOML on every start was most of a one-dossier run. Here
//! they are converted once, at build time, to JSON, which the same serde types read several
//! times faster (dates as TOML dates, so the types read both). The TOML stays embedded for
//! `rules export`, and tests load it as strictly as before and compare the two.

fn main() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for source in [
        "src/editions/order-29-2024.toml",
        "src/editions/order-84-2016.toml",
        "src/editions/history.toml",
        "src/calendar/kz.toml",
    ] {
        println!("cargo::rerun-if-changed={source}");
        let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid TOML: {e}"));
        let json = serde_json::to_string(&value).unwrap_or_else(|e| panic!("{source}: {e}"));
        let name = std::path::Path::new(source)
            .with_extension("json")
            .file_name()
            .expect("a file name")
            .to_owned();
        std::fs::write(out.join(&name), json).expect("write the JSON");
        // An edition's header alone: which edition is the default and when each was in force
        // are known without reading the rest, which is read when the edition is used.
        if let Some(header) = value.get("edition") {
            let head = serde_json::json!({ "edition": header });
            let name = std::path::Path::new(&name).with_extension("header.json");
            std::fs::write(out.join(name), head.to_string()).expect("write the JSON");
        }
    }
}
