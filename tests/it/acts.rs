//! The drafts as the acts they stand for (issue 20): each requirement of an official document
//! checked on the text a reader gets from the PDF and the Word file, not only the Markdown.

use crate::support::*;
use std::path::Path;

/// The text of a draft in `format` (pdf, docx or md), whitespace collapsed, a line broken after
/// a hyphen joined again.
fn draft(document: &str, lang: &str, format: &str, path: &Path, extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(format!("draft.{format}"));
    let run = dossier()
        .args(["render", document, "--lang", lang, "--today", TODAY, "-o"])
        .arg(&out)
        .args(extra)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        run.status.code() == Some(0),
        "{document} {lang} {format}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    let text = match format {
        "pdf" => {
            let doc = lopdf::Document::load_mem(&bytes).unwrap();
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages).unwrap()
        }
        "docx" => docx_text(&bytes),
        _ => String::from_utf8(bytes).unwrap(),
    };
    flat(&text)
}

/// Every `w:t` of the Word file, a space for each tab and paragraph.
fn docx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let mut out = String::new();
    for node in doc.descendants() {
        match node.tag_name().name() {
            "t" => out.push_str(node.text().unwrap_or_default()),
            "tab" | "p" | "br" => out.push(' '),
            _ => {}
        }
    }
    out
}

fn flat(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        let joins =
            out.ends_with('-') && out.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic());
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn sample(name: &str) -> std::path::PathBuf {
    root().join("sample-dossiers").join(name)
}

/// Item 1: the application, the covering letter and the removal notice are the state body's
/// own, final documents; the decision, the order and the operator notice are drafts until
/// `--final`.
#[test]
fn the_state_bodys_documents_are_final_and_the_authorized_bodys_drafts_until_final() {
    let ended = Fixture::decommissioned();
    for format in ["pdf", "docx"] {
        for (lang, mark) in [("ru", "ПРОЕКТ"), ("kk", "ЖОБА")] {
            let app = draft("application", lang, format, &sample("esedo"), &[]);
            let title = if lang == "ru" {
                "ЗАЯВЛЕНИЕ"
            } else {
                "ӨТІНІШ"
            };
            assert!(
                app.contains(title) && !app.contains(mark),
                "{format} {lang}: {app}"
            );
            for (document, path) in [
                ("cover-letter", sample("esedo")),
                ("removal-notice", ended.path().to_path_buf()),
            ] {
                let text = draft(document, lang, format, &path, &[]);
                assert!(!text.contains(mark), "{document} {format} {lang}: {text}");
            }
            for document in ["decision", "order", "operator-notice"] {
                let text = draft(document, lang, format, &sample("esedo"), &[]);
                assert!(text.contains(mark), "{document} {format} {lang}: {text}");
                let text = draft(document, lang, format, &sample("esedo"), &["--final"]);
                assert!(
                    !text.contains(mark),
                    "{document} --final {format} {lang}: {text}"
                );
            }
        }
    }
}

/// Item 2: the covering letter — letterhead, number and date blanks, the addressee, clause 3,
/// the attachments with pages and full digests, the signature and the executor line.
#[test]
fn the_covering_letter_carries_the_requisites_of_a_letter() {
    let mut f = Fixture::information_system();
    f.edit(
        "state_body:\n",
        "addressee: {kk: \"ҚР ЦДИАӨМ\", ru: \"МЦРИАП РК\"}\nsignatory:\n  name: \"Нұрланов Данияр Қайратұлы\"\n  position: {kk: \"Жауапты хатшы\", ru: \"Ответственный секретарь\"}\nexecutor:\n  name: \"Ахметова А.\"\n  phone: \"+7 7172 74 00 00\"\nstate_body:\n",
    );
    let digest = {
        use sha2::Digest;
        let bytes = std::fs::read(f.path().join("docs/services.pdf")).unwrap();
        sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    for format in ["pdf", "docx"] {
        let ru = draft("cover-letter", "ru", format, f.path(), &[]);
        for needle in [
            "Министерство",
            "№ ____________________ от ____________________",
            "МЦРИАП РК",
            "В соответствии с пунктом 3 Правил",
            "зарегистрирован в Реестре государственной регистрации нормативных правовых актов под № 16331",
            "направляем заявление о включении информационной системы «Тестовая система» в Перечень с документами согласно приложению",
            "Приложение:",
            "Заявление на 1 л.",
            "Перечень файлов с контрольными суммами на 1 л.",
            "Ответственный секретарь",
            "Д. Нұрланов",
            "Исп.: Ахметова А., тел. +7 7172 74 00 00",
        ] {
            assert!(ru.contains(needle), "{format}: `{needle}` not in:\n{ru}");
        }
        // The register of files, on its own page, gives each file's SHA-256 in full (a table
        // cell may wrap it).
        let joined: String = ru.split_whitespace().collect();
        assert!(joined.contains(&digest), "{format}: {digest} not in:\n{ru}");
        let kk = draft("cover-letter", "kk", format, f.path(), &[]);
        for needle in [
            "3-тармағына сәйкес",
            "№ 16331 болып тіркелген",
            "«Сынақ жүйесі» ақпараттық жүйесін",
            "Қосымша:",
            "Өтініш 1 парақта",
            "Жауапты хатшы",
            "Д. Нұрланов",
            "Орынд.: Ахметова А.",
        ] {
            assert!(kk.contains(needle), "{format}: `{needle}` not in:\n{kk}");
        }
        // A digest on paper is whole or absent: no 16-digit prefix stands alone.
        let short = joined
            .split(|c: char| !c.is_ascii_hexdigit())
            .any(|run| run.len() == 16);
        assert!(!short, "{ru}");
    }
    // The application itself carries only the form: no list, no digests.
    let app = draft("application", "ru", "md", f.path(), &[]);
    assert!(
        !app.contains("SHA-256") && !app.contains("Подписывает"),
        "{app}"
    );
}

/// Items 4 and 5: the decision names the object in the case its sentence needs, never with a
/// second kind word or nested quotes, and gives the reasons of each ground.
#[test]
fn the_decision_names_the_object_and_gives_the_real_reasons() {
    for format in ["pdf", "docx"] {
        let ru = draft("decision", "ru", format, &sample("e-archive"), &[]);
        for needle in [
            "отказать во включении информационной системы «Электронный архив документов» в Перечень",
            "по критериям группы 3 «Количество пользователей информационной системы и (или) АПК» набрано баллов: 0",
            "всего набрано баллов: 3 из 12",
        ] {
            assert!(ru.contains(needle), "{format}: `{needle}` not in:\n{ru}");
        }
        // The general wording is false of a total of 3: not quoted.
        assert!(!ru.contains("не набрал трех и более баллов"), "{ru}");
        assert!(!ru.contains("««") && !ru.contains("»»"), "{ru}");
        assert!(!ru.contains("(информационная система)"), "{ru}");
        let kk = draft("decision", "kk", format, &sample("e-archive"), &[]);
        for needle in [
            "«Құжаттардың электрондық мұрағаты» ақпараттық жүйесін",
            "3-топ өлшемшарттары",
            "бойынша 0 балл жиналды",
            "барлығы 3 балл жиналды",
        ] {
            assert!(kk.contains(needle), "{format}: `{needle}` not in:\n{kk}");
        }
        assert!(!kk.contains("жинамаса, бұл ретте"), "{kk}");
        let ru = draft("decision", "ru", format, &sample("e-licensing"), &[]);
        assert!(
            ru.contains("нет следующих действительных сведений об объекте, предусмотренных пунктом 5 Правил: копия протоколов испытаний на соответствие требованиям информационной безопасности (срок действия истек 01.05.2025)"),
            "{ru}"
        );
        let ru = draft("decision", "ru", format, &sample("esedo"), &[]);
        assert!(
            ru.contains("включить информационную систему «Единая система электронного документооборота государственных органов» в Перечень"),
            "{ru}"
        );
        let kk = draft("decision", "kk", format, &sample("esedo"), &[]);
        assert!(
            kk.contains("«Мемлекеттік органдардың бірыңғай электрондық құжат айналымы жүйесі» ақпараттық жүйесі Тізбеге енгізілсін"),
            "{kk}"
        );
    }
    // A name carrying another kind word is printed as given, after a colon or a dash.
    let mut f = Fixture::information_system();
    f.edit(
        "ru: \"Тестовая система\"",
        "ru: \"Государственная база данных «Физические лица»\"",
    );
    f.edit(
        "architecture: conforms",
        "architecture: does-not-conform\n  recommendation_received: 2026-11-02",
    );
    let ru = draft("decision", "ru", "md", f.path(), &[]);
    assert!(
        ru.contains("отказать во включении в Перечень объекта – Государственная база данных «Физические лица» по основаниям, изложенным в разделе 4"),
        "{ru}"
    );
    assert!(
        ru.contains("несоответствие объекта архитектуре «электронного правительства» (рекомендация сервисного интегратора, полученная 02.11.2026)"),
        "{ru}"
    );
}

/// Item 6: the Rules named in full with their registration, and only the amending acts in
/// force on the decision's date; no «настоящих Правил» outside the Rules' own text.
#[test]
fn the_decision_names_the_rules_in_full_with_the_amendments_in_force_on_its_date() {
    let mut f = Fixture::information_system();
    f.edit("review:\n", "review:\n  decision: 2024-05-20\n");
    let ru = draft(
        "decision",
        "ru",
        "pdf",
        f.path(),
        &["--edition", "order-29-2024"],
    );
    for needle in [
        "утвержденных приказом Министра информации и коммуникаций Республики Казахстан от 29 января 2018 года № 29",
        "под № 16331",
        "с изменениями, внесенными приказами Министра цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан от 29 сентября 2022 года № 353/НҚ и от 30 апреля 2024 года № 257/НҚ; далее – Правила)",
    ] {
        assert!(ru.contains(needle), "`{needle}` not in:\n{ru}");
    }
    assert!(!ru.contains("611/НҚ"), "{ru}");
    f.edit("decision: 2024-05-20", "decision: 2025-02-03");
    let ru = draft("decision", "ru", "docx", f.path(), &[]);
    assert!(
        ru.contains("от 30 апреля 2024 года № 257/НҚ и от 30 сентября 2024 года № 611/НҚ"),
        "{ru}"
    );
    let kk = draft("decision", "kk", "docx", f.path(), &[]);
    assert!(
        kk.contains("Қазақстан Республикасы Ақпарат және коммуникациялар министрінің 2018 жылғы 29 қаңтардағы № 29 бұйрығымен (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 16331 болып тіркелген) бекітілген"),
        "{kk}"
    );
    for text in [&ru, &kk] {
        assert!(
            !text.contains("настоящих Правил") && !text.contains("осы Ереже"),
            "{text}"
        );
    }
}

/// Item 7: what the service integrator confirmed is recorded from `review`, blank until then.
#[test]
fn the_decision_records_what_the_integrator_confirmed() {
    let mut f = Fixture::information_system();
    let ru = draft("decision", "ru", "md", f.path(), &[]);
    assert!(
        ru.contains(
            "Сервисный интегратор ____________________ (подтвердил / не подтвердил) наличие"
        ),
        "{ru}"
    );
    assert!(
        !ru.contains("Наличие |"),
        "no column of the dossier's own copies: {ru}"
    );
    f.edit(
        "architecture: conforms",
        "architecture: conforms\n  portal_confirmed: true",
    );
    let ru = draft("decision", "ru", "pdf", f.path(), &[]);
    assert!(
        ru.contains("Сервисный интегратор подтвердил наличие на архитектурном портале"),
        "{ru}"
    );
    let kk = draft("decision", "kk", "pdf", f.path(), &[]);
    assert!(
        kk.contains("архитектуралық порталында бар екенін растады:"),
        "{kk}"
    );
}

/// Items 8 and 9: the order's requisites and closing items; notices in the first person, with
/// an executor line and no «Кому».
#[test]
fn the_order_and_the_notices_carry_their_requisites() {
    for format in ["pdf", "docx"] {
        let ru = draft("order", "ru", format, &sample("esedo"), &[]);
        for needle in [
            "ПРИКАЗ",
            "№ ____________________",
            "утвержденных приказом Министра информации и коммуникаций",
            "ПРИКАЗЫВАЮ:",
            "Контроль за исполнением настоящего приказа возложить на",
            "Настоящий приказ вводится в действие со дня его подписания.",
        ] {
            assert!(ru.contains(needle), "{format}: `{needle}` not in:\n{ru}");
        }
        let kk = draft("order", "kk", format, &sample("esedo"), &[]);
        for needle in [
            "БҰЙЫРАМЫН:",
            "Осы бұйрықтың орындалуын бақылау",
            "Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.",
        ] {
            assert!(kk.contains(needle), "{format}: `{needle}` not in:\n{kk}");
        }
        let ru = draft("operator-notice", "ru", format, &sample("esedo"), &[]);
        assert!(ru.contains("уведомляем о решении"), "{ru}");
        assert!(!ru.contains("Уполномоченный орган уведомляет"), "{ru}");
        assert!(ru.contains("Исп.:") && !ru.contains("Кому"), "{ru}");
        let kk = draft("operator-notice", "kk", format, &sample("esedo"), &[]);
        assert!(kk.contains("хабарлаймыз") && kk.contains("Орынд.:"), "{kk}");
        assert!(!kk.contains("Кімге"), "{kk}");
        // Kazakh: the subject of a -ғаны clause in the genitive.
        assert!(kk.contains("ақпараттық жүйесінің"), "{kk}");
    }
    let ended = Fixture::decommissioned();
    let kk = draft("removal-notice", "kk", "pdf", ended.path(), &[]);
    assert!(
        kk.contains("«Сынақ жүйесі» ақпараттық жүйесінің пайдаланылуы 30.10.2026 тоқтатылғаны туралы хабарлаймыз"),
        "{kk}"
    );
    let ru = draft("removal-notice", "ru", "docx", ended.path(), &[]);
    assert!(ru.contains("уведомляем") && !ru.contains("Кому"), "{ru}");
}

/// Item 10: the 2016 acts use the 2016 names, number their sections without gaps, call the
/// repealed Rules nothing in a draft, and carry no note inside the form.
#[test]
fn the_2016_acts_use_the_2016_names() {
    let old = Fixture::information_system_2016();
    let ru = draft("decision", "ru", "pdf", old.path(), &[]);
    assert!(
        ru.contains("в Перечень интернет-ресурсов государственных органов и объектов информационно-коммуникационной инфраструктуры"),
        "{ru}"
    );
    assert!(ru.contains("приказом исполняющего обязанности Министра по инвестициям и развитию Республики Казахстан от 26 января 2016 года № 84"), "{ru}");
    assert!(
        !ru.contains("утратили силу") && !ru.contains("не набрала не менее"),
        "{ru}"
    );
    let kk = draft("application", "kk", "docx", old.path(), &[]);
    assert!(!kk.contains("Ескертпе"), "{kk}");
    // An internet resource is scored by no criteria: the decision's sections run 1, 2, 3.
    let f = crate::render::internet_resource_2016();
    let md = draft("decision", "ru", "md", f.path(), &[]);
    assert!(
        md.contains("### 3. Решение") && !md.contains("### 4."),
        "{md}"
    );
    assert!(md.contains("интернет-ресурса"), "{md}");
}

/// Item 11: no editorial brackets in the criteria, and the column of the verdict is «Оценка».
#[test]
fn the_criteria_table_has_no_editorial_brackets() {
    for lang in ["ru", "kk"] {
        let text = draft("decision", lang, "docx", &sample("esedo"), &[]);
        assert!(!text.contains('['), "{text}");
        let column = if lang == "ru" {
            "Оценка"
        } else {
            "Бағалау"
        };
        assert!(text.contains(column), "{text}");
    }
}
