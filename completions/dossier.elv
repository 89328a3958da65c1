
use builtin;
use str;

set edit:completion:arg-completer[dossier] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'dossier'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'dossier'= {
            cand --generate 'Print a man page or a shell completion script generated from this binary and exit: man (dossier.1), man-COMMAND (dossier-COMMAND.1), complete-bash, complete-zsh, complete-fish, complete-powershell, complete-elvish'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Check dossiers: documents, score, grounds and the outcome the authorized body would reach'
            cand score 'Explain the score against the criteria, try what-if changes, and show what would pass'
            cand render 'Draft a document: the application, the decision, the operator notice, the order or the removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word'
            cand init 'Create a dossier: dossier.yaml explained in kk/ru/en, and a placeholder per document'
            cand config 'Show the settings in effect for a dossier (dossier.toml) and where each came from'
            cand timeline 'Statutory deadlines of clauses 4–10 on the working-day calendar: what is due when'
            cand rules 'The editions of the Rules: list them, show one, or export one as the start of an amended edition (load it back with --rules)'
            cand pack 'Pack a checked dossier into one reproducible archive: the application and its covering letter (PDF, Word; kk, ru), every document in the order of the Rules'' list with its signature files, manifest.json, SHA256SUMS and the review notes. Refuses a dossier not ready for filing unless --force-incomplete'
            cand verify 'Verify an archive `pack` wrote (or its unpacked folder): every digest, nothing added or missing, the edition, and a fresh check reaching the recorded outcome. Exit 0 when all holds, 1 on a difference (each is named), 2 on an unusable or unsafe archive'
            cand seal 'Seal a dossier: write dossier.lock with the digest of every document, so `check` reports any document changed, added or removed since'
            cand schema 'Print the JSON Schema of dossier.yaml under an edition (kinds, documents, facts, review keys), for editors with the YAML language server; `--report`: the schema of `check --format json`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;check'= {
            cand --format 'Output format: a table (human), the contract''s JSON, one row per dossier and requirement (csv, tsv), JUnit XML for CI servers, a self-contained HTML page for managers, or the findings where a change is reviewed: SARIF 2.1.0 (code scanning), GitHub workflow commands, GitLab Code Quality JSON'
            cand --group-by 'Totals per state body: dossiers, outcomes, missing documents'
            cand --stage 'Judge the state body''s own part at a stage of the procedure: `filing` is ready when every document and portal item is present and valid and the criteria pass (exit 0 when every dossier is ready, 1 when one is not)'
            cand -o 'Write the report to FILE (atomically; an existing file only with --force); `-` is standard output'
            cand --output 'Write the report to FILE (atomically; an existing file only with --force); `-` is standard output'
            cand --set 'What if criterion row ID were met (yes) or not (no); repeatable'
            cand --fact 'What if fact NAME had VALUE; repeatable, e.g. --fact active_registered_users=1200'
            cand --assume 'What if the review recorded KEY=VALUE: architecture=conforms|does-not-conform|pending| no-architecture, content_rules=complies|does-not-comply; repeatable'
            cand --today 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]'
            cand --edition 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id'
            cand --config 'Use this settings file instead of looking up dossier.toml from each dossier upwards'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -q 'Errors and the summary only: dossiers without errors, warnings and notes are not printed'
            cand --quiet 'Errors and the summary only: dossiers without errors, warnings and notes are not printed'
            cand --summary 'csv/tsv: one row per dossier instead of one per dossier and requirement'
            cand --excel 'csv: as Russian and Kazakh Excel open it by a double click — a UTF-8 byte-order mark and `;` between fields (a plain comma CSV opens there as one garbled column)'
            cand --force 'With --output: replace an existing file'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;score'= {
            cand --format 'Output format'
            cand --set 'What if criterion row ID were met (yes) or not (no); repeatable'
            cand --fact 'What if fact NAME had VALUE; repeatable, e.g. --fact active_registered_users=1200'
            cand --assume 'What if the review recorded KEY=VALUE: architecture=conforms|does-not-conform|pending| no-architecture, content_rules=complies|does-not-comply; repeatable'
            cand --today 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]'
            cand --edition 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id'
            cand --config 'Use this settings file instead of looking up dossier.toml from each dossier upwards'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand --long 'Print each criterion''s full wording instead of one shortened line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;render'= {
            cand --format 'Output format [default: from the extension of -o FILE, else md]'
            cand -o 'Write to FILE (one dossier); .md, .txt, .html, .pdf or .docx sets the format; `-` is standard output'
            cand --output 'Write to FILE (one dossier); .md, .txt, .html, .pdf or .docx sets the format; `-` is standard output'
            cand --out-dir 'Write one file per dossier into DIR'
            cand --notes 'Write what the reviewer should know about the drafts (never printed in them) to FILE'
            cand --template 'Use this template instead of the built-in one (see docs/templates.md)'
            cand --today 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]'
            cand --edition 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id'
            cand --config 'Use this settings file instead of looking up dossier.toml from each dossier upwards'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Replace files that exist'
            cand --final 'Draft the authorized body''s acts (decision, order, operator notice) as final, without the draft mark: for a reviewer at the authorized body. The state body''s own documents (application, covering letter, removal notice) are always final'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;init'= {
            cand --kind 'What the object is: a kind of the edition (see `dossier rules show ID`)'
            cand --edition 'The edition of the Rules [default: the current one]'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable)'
            cand --schema-out 'Where to write the JSON Schema dossier.yaml names for editors [default: dossier.schema.json in the dossier''s folder]'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Rewrite dossier.yaml of an existing dossier (documents are never touched)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;config'= {
            cand --format 'Output format'
            cand --config 'Use this settings file instead of the dossier.toml lookup'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;timeline'= {
            cand --format 'Output format'
            cand --today 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]'
            cand --edition 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id'
            cand --config 'Use this settings file instead of looking up dossier.toml from each dossier upwards'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;rules'= {
            cand --format 'Output format of `list` and `show`'
            cand --config 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable)'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The editions built in and loaded, with their source and status'
            cand show 'One edition''s requirements, criteria, grounds and deadlines'
            cand export 'Print an edition''s TOML, the starting point of an amended edition'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;rules;list'= {
            cand --format 'Output format of `list` and `show`'
            cand --config 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable)'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;rules;show'= {
            cand --format 'Output format of `list` and `show`'
            cand --config 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable)'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;rules;export'= {
            cand --format 'Output format of `list` and `show`'
            cand --config 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable)'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;rules;help'= {
            cand list 'The editions built in and loaded, with their source and status'
            cand show 'One edition''s requirements, criteria, grounds and deadlines'
            cand export 'Print an edition''s TOML, the starting point of an amended edition'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;rules;help;list'= {
        }
        &'dossier;rules;help;show'= {
        }
        &'dossier;rules;help;export'= {
        }
        &'dossier;rules;help;help'= {
        }
        &'dossier;pack'= {
            cand -o 'The archive to write (one dossier)'
            cand --output 'The archive to write (one dossier)'
            cand --out-dir 'Write <folder>.zip per dossier into DIR (names never collide)'
            cand --today 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]'
            cand --edition 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id'
            cand --config 'Use this settings file instead of looking up dossier.toml from each dossier upwards'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Replace an existing archive'
            cand --force-incomplete 'Pack a dossier that is not ready for filing, recording its findings and `"forced": true` in the manifest; the exit status is then 1'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;verify'= {
            cand --format 'Output format'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable)'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;seal'= {
            cand --today 'The date recorded as the seal''s, YYYY-MM-DD [default: $DOSSIER_TODAY, else today]'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Replace an existing dossier.lock'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;schema'= {
            cand --edition 'The edition whose kinds, documents and facts the schema names [default: the default edition]'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable)'
            cand -o 'Write to FILE instead of standard output (`-` is standard output)'
            cand --output 'Write to FILE instead of standard output (`-` is standard output)'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --width 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand --report 'The schema of `check --format json` instead of dossier.yaml''s'
            cand --force 'Replace a file that exists'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;help'= {
            cand check 'Check dossiers: documents, score, grounds and the outcome the authorized body would reach'
            cand score 'Explain the score against the criteria, try what-if changes, and show what would pass'
            cand render 'Draft a document: the application, the decision, the operator notice, the order or the removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word'
            cand init 'Create a dossier: dossier.yaml explained in kk/ru/en, and a placeholder per document'
            cand config 'Show the settings in effect for a dossier (dossier.toml) and where each came from'
            cand timeline 'Statutory deadlines of clauses 4–10 on the working-day calendar: what is due when'
            cand rules 'The editions of the Rules: list them, show one, or export one as the start of an amended edition (load it back with --rules)'
            cand pack 'Pack a checked dossier into one reproducible archive: the application and its covering letter (PDF, Word; kk, ru), every document in the order of the Rules'' list with its signature files, manifest.json, SHA256SUMS and the review notes. Refuses a dossier not ready for filing unless --force-incomplete'
            cand verify 'Verify an archive `pack` wrote (or its unpacked folder): every digest, nothing added or missing, the edition, and a fresh check reaching the recorded outcome. Exit 0 when all holds, 1 on a difference (each is named), 2 on an unusable or unsafe archive'
            cand seal 'Seal a dossier: write dossier.lock with the digest of every document, so `check` reports any document changed, added or removed since'
            cand schema 'Print the JSON Schema of dossier.yaml under an edition (kinds, documents, facts, review keys), for editors with the YAML language server; `--report`: the schema of `check --format json`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;help;check'= {
        }
        &'dossier;help;score'= {
        }
        &'dossier;help;render'= {
        }
        &'dossier;help;init'= {
        }
        &'dossier;help;config'= {
        }
        &'dossier;help;timeline'= {
        }
        &'dossier;help;rules'= {
            cand list 'The editions built in and loaded, with their source and status'
            cand show 'One edition''s requirements, criteria, grounds and deadlines'
            cand export 'Print an edition''s TOML, the starting point of an amended edition'
        }
        &'dossier;help;rules;list'= {
        }
        &'dossier;help;rules;show'= {
        }
        &'dossier;help;rules;export'= {
        }
        &'dossier;help;pack'= {
        }
        &'dossier;help;verify'= {
        }
        &'dossier;help;seal'= {
        }
        &'dossier;help;schema'= {
        }
        &'dossier;help;help'= {
        }
    ]
    $completions[$command]
}
