//! The tool's own words in every report language. Wording of the Rules themselves (titles,
//! criteria, grounds) comes from the edition data, never from here.

use crate::inspect::Problem;
use crate::lang::Lang;

/// "clause 5(1)"
pub fn clause(lang: Lang, clause: &str) -> String {
    tr!(lang, en: "clause {clause}", ru: "пункт {clause}", kk: "{clause}-тармақ")
}

/// "clause 5(1): copy of the technical documentation — docs/tz.pdf is password-protected"
pub fn document_finding(lang: Lang, clause_no: &str, title: &str, detail: &str) -> String {
    format!("{}: {title} — {detail}", clause(lang, clause_no))
}

pub fn not_listed(lang: Lang) -> String {
    tr!(lang,
        en: "not listed under `documents` in dossier.yaml",
        ru: "не указан в разделе `documents` файла dossier.yaml",
        kk: "dossier.yaml файлының `documents` бөлімінде көрсетілмеген")
}

pub fn no_files(lang: Lang) -> String {
    tr!(lang,
        en: "listed with no file",
        ru: "указан без файла",
        kk: "файлсыз көрсетілген")
}

pub fn not_found(lang: Lang, file: &str) -> String {
    tr!(lang, en: "{file} not found", ru: "{file} не найден", kk: "{file} табылмады")
}

pub fn placeholder(lang: Lang, file: &str) -> String {
    tr!(lang,
        en: "{file} is the placeholder written by `dossier init`; put the document in its place",
        ru: "{file} — заготовка, созданная `dossier init`; замените её документом",
        kk: "{file} — `dossier init` жасаған бос үлгі; оның орнына құжатты қойыңыз")
}

const TYPES: &str = "PDF, DOC/DOCX, XLS/XLSX, ODT/ODS, RTF, PNG, JPEG, TIFF";

pub fn problem(lang: Lang, file: &str, problem: &Problem) -> String {
    match problem {
        Problem::Absolute => tr!(lang,
            en: "{file} is an absolute path; only files inside the dossier folder count, and it was not opened",
            ru: "{file} — абсолютный путь; учитываются только файлы внутри папки досье, файл не открывался",
            kk: "{file} — абсолютті жол; тек досье бумасындағы файлдар есепке алынады, файл ашылмады"),
        Problem::ParentDir => tr!(lang,
            en: "{file} leaves the dossier folder (`..`); it was not opened",
            ru: "{file} выходит за пределы папки досье (`..`); файл не открывался",
            kk: "{file} досье бумасынан шығады (`..`); файл ашылмады"),
        Problem::LinkOutside(target) => {
            let target = target.display();
            tr!(lang,
                en: "{file} is a link to {target}, outside the dossier folder; it was not opened",
                ru: "{file} — ссылка на {target} вне папки досье; файл не открывался",
                kk: "{file} — досье бумасынан тыс {target} сілтемесі; файл ашылмады")
        }
        Problem::NotAFile => tr!(lang,
            en: "{file} is a folder or a special file, not a document",
            ru: "{file} — папка или специальный файл, а не документ",
            kk: "{file} — бума немесе арнайы файл, құжат емес"),
        Problem::Empty => tr!(lang,
            en: "{file} is empty",
            ru: "{file} пуст",
            kk: "{file} бос"),
        Problem::Unreadable(why) => tr!(lang,
            en: "{file} cannot be read: {why}",
            ru: "{file} не читается: {why}",
            kk: "{file} оқылмайды: {why}"),
        Problem::UnknownType => tr!(lang,
            en: "{file} is not a document of an accepted type ({TYPES})",
            ru: "{file} не является документом допустимого типа ({TYPES})",
            kk: "{file} қабылданатын түрдегі құжат емес ({TYPES})"),
        Problem::OtherArchive => tr!(lang,
            en: "{file} is a ZIP archive, not a Word, Excel or OpenDocument file",
            ru: "{file} — ZIP-архив, а не файл Word, Excel или OpenDocument",
            kk: "{file} — ZIP мұрағаты, Word, Excel немесе OpenDocument файлы емес"),
        Problem::DamagedArchive(why) | Problem::DamagedPdf(why) => tr!(lang,
            en: "{file} is damaged: {why}",
            ru: "{file} повреждён: {why}",
            kk: "{file} зақымдалған: {why}"),
        Problem::PasswordProtectedPdf => tr!(lang,
            en: "{file} is password-protected",
            ru: "{file} защищён паролем",
            kk: "{file} құпиясөзбен қорғалған"),
    }
}

pub fn valid_until(lang: Lang, date: &str) -> String {
    tr!(lang, en: "valid until {date}", ru: "действителен до {date}", kk: "{date} дейін жарамды")
}

pub fn expired(lang: Lang, date: &str, today: &str) -> String {
    tr!(lang,
        en: "valid until {date}: expired on the check date {today}",
        ru: "действителен до {date}: истёк на дату проверки {today}",
        kk: "{date} дейін жарамды: тексеру күні {today} мерзімі өткен")
}

/// R8, §10.3: trial operation is not the development stage of clause 5(1).
pub fn trial_is_not_development(lang: Lang) -> String {
    tr!(lang,
        en: "an expired protocol counts only at the development stage; trial operation is not that stage (development follows acceptance into industrial operation)",
        ru: "истёкший протокол принимается только на стадии развития; опытная эксплуатация такой стадией не является (развитие следует за сдачей в промышленную эксплуатацию)",
        kk: "мерзімі өткен хаттама тек даму сатысында қабылданады; тәжірибелік пайдалану ондай саты емес (даму өнеркәсіптік пайдалануға қабылданғаннан кейін жүреді)")
}

pub fn expired_allowed(lang: Lang, date: &str, clause_no: &str) -> String {
    tr!(lang,
        en: "valid until {date}: expired, but accepted because the object is at the development stage (clause {clause_no})",
        ru: "действителен до {date}: срок истёк, но документ принимается, так как объект на стадии развития (пункт {clause_no})",
        kk: "{date} дейін жарамды: мерзімі өткен, бірақ объект даму сатысында болғандықтан қабылданады ({clause_no}-тармақ)")
}

pub fn validity_unknown(lang: Lang) -> String {
    tr!(lang,
        en: "no `valid_until` is given; the source texts fix no term for this document, so it is taken as valid",
        ru: "не указан `valid_until`; исходные тексты не устанавливают срок для этого документа, он считается действительным",
        kk: "`valid_until` көрсетілмеген; бастапқы мәтіндер бұл құжаттың мерзімін белгілемейді, ол жарамды деп есептеледі")
}

/// R7: the tool sees the dossier, not the portal.
pub fn portal_proxy(lang: Lang) -> String {
    tr!(lang,
        en: "present in the dossier; presence on the architecture portal is confirmed only by the service integrator",
        ru: "есть в досье; наличие на архитектурном портале подтверждает только сервисный интегратор",
        kk: "досьеде бар; архитектуралық порталда бар-жоғын тек сервистік интегратор растайды")
}

pub fn portal_id_missing(lang: Lang) -> String {
    tr!(lang,
        en: "`object.portal_id` is not given: the portal items are confirmed on the architecture portal, where the object should be registered",
        ru: "не указан `object.portal_id`: сведения для портала подтверждаются на архитектурном портале, где объект должен быть зарегистрирован",
        kk: "`object.portal_id` көрсетілмеген: портал мәліметтері объект тіркелуге тиіс архитектуралық порталда расталады")
}

pub fn stage_not_commissioned(lang: Lang, title: &str, stage: &str) -> String {
    tr!(lang,
        en: "{title}: the object is at stage `{stage}`, but this document presupposes a system handed over into industrial operation",
        ru: "{title}: объект на стадии `{stage}`, а этот документ предполагает систему, сданную в промышленную эксплуатацию",
        kk: "{title}: объект `{stage}` сатысында, ал бұл құжат өнеркәсіптік пайдалануға тапсырылған жүйені көздейді")
}

pub fn not_applicable(lang: Lang, kind: &str) -> String {
    tr!(lang, en: "does not apply to this kind ({kind})", ru: "не применяется к этому виду ({kind})", kk: "бұл түрге қолданылмайды ({kind})")
}

pub fn fact_missing(lang: Lang, fact: &str) -> String {
    tr!(lang,
        en: "fact `{fact}` is not stated",
        ru: "факт `{fact}` не указан",
        kk: "`{fact}` фактісі көрсетілмеген")
}

pub fn criterion_fact_missing(lang: Lang, id: &str, fact: &str) -> String {
    tr!(lang,
        en: "criterion {id}: the dossier does not state `facts.{fact}`; the row scores 0 until it does",
        ru: "критерий {id}: в досье не указан `facts.{fact}`; пока он не указан, строка даёт 0",
        kk: "{id} өлшемшарты: досьеде `facts.{fact}` көрсетілмеген; ол көрсетілгенше жол 0 береді")
}

pub fn reviewer(lang: Lang, basis: &str) -> String {
    tr!(lang, en: "reviewer: {basis}", ru: "решение проверяющего: {basis}", kk: "тексерушінің шешімі: {basis}")
}

pub fn yes_no(lang: Lang, b: bool) -> String {
    match (lang, b) {
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
        (Lang::Ru, true) => "да",
        (Lang::Ru, false) => "нет",
        (Lang::Kk, true) => "иә",
        (Lang::Kk, false) => "жоқ",
    }
    .to_string()
}

pub fn total_low(lang: Lang, clause_no: &str, total: u32, max: u32, min: u32) -> String {
    tr!(lang,
        en: "clause {clause_no}: the criteria are not passed — {total} of {max} points, fewer than {min}",
        ru: "пункт {clause_no}: критерии не пройдены — {total} из {max} баллов, меньше {min}",
        kk: "{clause_no}-тармақ: өлшемшарттар орындалмады — {max} балдың {total}, {min} балдан аз")
}

pub fn group_empty(
    lang: Lang,
    clause_no: &str,
    group: &str,
    title: &str,
    points: u32,
    min: u32,
) -> String {
    tr!(lang,
        en: "clause {clause_no}: the criteria are not passed — group {group} ({title}) has {points} points, fewer than {min}",
        ru: "пункт {clause_no}: критерии не пройдены — группа {group} ({title}) набрала {points} баллов, меньше {min}",
        kk: "{clause_no}-тармақ: өлшемшарттар орындалмады — {group}-топ ({title}) {points} балл жинады, {min} балдан аз")
}

pub fn architecture_does_not_conform(lang: Lang) -> String {
    tr!(lang,
        en: "the service integrator recommends that the object does not conform to the \"e-government\" architecture",
        ru: "по рекомендации сервисного интегратора объект не соответствует архитектуре «электронного правительства»",
        kk: "сервистік интегратордың ұсынымы бойынша объект \"электрондық үкімет\" архитектурасына сәйкес келмейді")
}

pub fn architecture_pending(lang: Lang) -> String {
    tr!(lang,
        en: "the service integrator's recommendation on the architecture is not in yet (`review.architecture`)",
        ru: "рекомендации сервисного интегратора об архитектуре ещё нет (`review.architecture`)",
        kk: "сервистік интегратордың архитектура туралы ұсынымы әлі жоқ (`review.architecture`)")
}

pub fn after_filing_deadline(lang: Lang, date: &str, day: u32, month: u32) -> String {
    tr!(lang,
        en: "the application is dated {date}, after the filing deadline of {day:02}.{month:02} of its year",
        ru: "заявление датировано {date}, позже срока подачи {day:02}.{month:02} своего года",
        kk: "өтініш {date} күнімен, өз жылының {day:02}.{month:02} беру мерзімінен кейін жасалған")
}

pub fn yaml_missing(lang: Lang) -> String {
    tr!(lang,
        en: "dossier.yaml is missing",
        ru: "нет файла dossier.yaml",
        kk: "dossier.yaml файлы жоқ")
}

pub fn yaml_too_large(lang: Lang, size: u64, max: u64) -> String {
    tr!(lang,
        en: "dossier.yaml is {size} bytes; the limit is {max} bytes — it is not read",
        ru: "dossier.yaml занимает {size} байт; предел — {max} байт, файл не читается",
        kk: "dossier.yaml {size} байт; шегі — {max} байт, файл оқылмайды")
}

pub fn yaml_not_utf8(lang: Lang, why: &str) -> String {
    tr!(lang,
        en: "dossier.yaml is not UTF-8: {why}",
        ru: "dossier.yaml не в кодировке UTF-8: {why}",
        kk: "dossier.yaml UTF-8 кодтауында емес: {why}")
}

pub fn yaml_unreadable(lang: Lang, why: &str) -> String {
    tr!(lang,
        en: "dossier.yaml cannot be read: {why}",
        ru: "dossier.yaml не читается: {why}",
        kk: "dossier.yaml оқылмайды: {why}")
}

/// "subordinate organizations covered: 5 of 5"
pub fn count_of(lang: Lang, label: &str, part: u64, total: u64) -> String {
    tr!(lang, en: "{label}: {part} of {total}", ru: "{label}: {part} из {total}", kk: "{label}: {total} ішінен {part}")
}

/// R18: a central body with no subdivisions at all.
pub fn no_units_exist(lang: Lang) -> String {
    tr!(lang,
        en: "no subdivisions exist; the row rewards coverage of subdivisions (R18)",
        ru: "подразделений нет; строка оценивает охват подразделений (R18)",
        kk: "бөлімшелер жоқ; жол бөлімшелерді қамтуды бағалайды (R18)")
}

/// "territorial subdivisions whose systems are integrated: 18 (≥ 20)"
pub fn at_least(lang: Lang, label: &str, value: u64, min: u32) -> String {
    tr!(lang, en: "{label}: {value} (≥ {min})", ru: "{label}: {value} (≥ {min})", kk: "{label}: {value} (≥ {min})")
}

/// R19: fewer subdivisions exist than the row names, and all are integrated.
pub fn fewer_units_than_named(lang: Lang, total: u64, min: u32) -> String {
    tr!(lang,
        en: "all {total} territorial subdivisions are integrated, but the row names {min}: for a reviewer to decide (R19)",
        ru: "интегрированы все {total} территориальных подразделений, но строка называет {min}: решает проверяющий (R19)",
        kk: "барлық {total} аумақтық бөлімше интеграцияланған, бірақ жолда {min} аталған: тексеруші шешеді (R19)")
}

pub fn fact_inconsistent(lang: Lang, id: &str, flag: &str, basis: &str) -> String {
    tr!(lang,
        en: "criterion {id}: `{flag}` disagrees with the counts, which decide the row — {basis}",
        ru: "критерий {id}: `{flag}` расходится с количествами, которые и определяют строку — {basis}",
        kk: "{id} өлшемшарты: `{flag}` сандармен сәйкес келмейді, жолды сандар анықтайды — {basis}")
}

pub fn part_above_total(lang: Lang, part: &str, total: &str) -> String {
    tr!(lang,
        en: "`{part}` cannot exceed `{total}`",
        ru: "`{part}` не может превышать `{total}`",
        kk: "`{part}` мәні `{total}` мәнінен аспауы керек")
}

pub fn evidence(lang: Lang, text: &str) -> String {
    tr!(lang, en: "evidence: {text}", ru: "подтверждение: {text}", kk: "растау: {text}")
}

pub fn evidence_missing(lang: Lang, id: &str, hint: &str) -> String {
    tr!(lang,
        en: "criterion {id} is met from the facts, but `evidence.\"{id}\"` is not given: {hint}",
        ru: "критерий {id} выполнен по фактам, но `evidence.\"{id}\"` не указано: {hint}",
        kk: "{id} өлшемшарты фактілер бойынша орындалды, бірақ `evidence.\"{id}\"` көрсетілмеген: {hint}")
}

pub fn attestat_not_protocol(lang: Lang, title: &str) -> String {
    tr!(lang,
        en: "{title}: the file looks like an attestat; clause 5(1) asks for test protocols, and an attestat does not stand for them by itself — a reviewer decides (R9)",
        ru: "{title}: файл похож на аттестат; пункт 5(1) требует протоколы испытаний, и аттестат сам по себе их не заменяет — решает проверяющий (R9)",
        kk: "{title}: файл аттестатқа ұқсайды; 5(1)-тармақ сынақ хаттамаларын талап етеді, аттестат оларды өздігінен алмастырмайды — тексеруші шешеді (R9)")
}
