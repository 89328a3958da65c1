
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'dossier' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'dossier'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'dossier' {
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Print a man page or a shell completion script generated from this binary and exit: man (dossier.1), man-COMMAND (dossier-COMMAND.1), complete-bash, complete-zsh, complete-fish, complete-powershell, complete-elvish')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check dossiers: documents, score, grounds and the outcome the authorized body would reach')
            [CompletionResult]::new('score', 'score', [CompletionResultType]::ParameterValue, 'Explain the score against the criteria, try what-if changes, and show what would pass')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Draft a document: the application, the decision, the operator notice, the order or the removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a dossier: dossier.yaml explained in kk/ru/en, and a placeholder per document')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings in effect for a dossier (dossier.toml) and where each came from')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Statutory deadlines of clauses 4–10 on the working-day calendar: what is due when')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'The editions of the Rules: list them, show one, or export one as the start of an amended edition (load it back with --rules)')
            [CompletionResult]::new('pack', 'pack', [CompletionResultType]::ParameterValue, 'Pack a checked dossier into one reproducible archive: the application and its covering letter (PDF, Word; kk, ru), every document in the order of the Rules'' list with its signature files, manifest.json, SHA256SUMS and the review notes. Refuses a dossier not ready for filing unless --force-incomplete')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify an archive `pack` wrote (or its unpacked folder): every digest, nothing added or missing, the edition, and a fresh check reaching the recorded outcome. Exit 0 when all holds, 1 on a difference (each is named), 2 on an unusable or unsafe archive')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Seal a dossier: write dossier.lock with the digest of every document, so `check` reports any document changed, added or removed since')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of dossier.yaml under an edition (kinds, documents, facts, review keys), for editors with the YAML language server; `--report`: the schema of `check --format json`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dossier;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: a table (human), the contract''s JSON, one row per dossier and requirement (csv, tsv), JUnit XML for CI servers, a self-contained HTML page for managers, or the findings where a change is reviewed: SARIF 2.1.0 (code scanning), GitHub workflow commands, GitLab Code Quality JSON')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'Totals per state body: dossiers, outcomes, missing documents')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Judge the state body''s own part at a stage of the procedure: `filing` is ready when every document and portal item is present and valid and the criteria pass (exit 0 when every dossier is ready, 1 when one is not)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; an existing file only with --force); `-` is standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (atomically; an existing file only with --force); `-` is standard output')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'What if criterion row ID were met (yes) or not (no); repeatable')
            [CompletionResult]::new('--fact', '--fact', [CompletionResultType]::ParameterName, 'What if fact NAME had VALUE; repeatable, e.g. --fact active_registered_users=1200')
            [CompletionResult]::new('--assume', '--assume', [CompletionResultType]::ParameterName, 'What if the review recorded KEY=VALUE: architecture=conforms|does-not-conform|pending| no-architecture, content_rules=complies|does-not-comply; repeatable')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]')
            [CompletionResult]::new('--edition', '--edition', [CompletionResultType]::ParameterName, 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from each dossier upwards')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Errors and the summary only: dossiers without errors, warnings and notes are not printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Errors and the summary only: dossiers without errors, warnings and notes are not printed')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'csv/tsv: one row per dossier instead of one per dossier and requirement')
            [CompletionResult]::new('--excel', '--excel', [CompletionResultType]::ParameterName, 'csv: as Russian and Kazakh Excel open it by a double click — a UTF-8 byte-order mark and `;` between fields (a plain comma CSV opens there as one garbled column)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --output: replace an existing file')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;score' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'What if criterion row ID were met (yes) or not (no); repeatable')
            [CompletionResult]::new('--fact', '--fact', [CompletionResultType]::ParameterName, 'What if fact NAME had VALUE; repeatable, e.g. --fact active_registered_users=1200')
            [CompletionResult]::new('--assume', '--assume', [CompletionResultType]::ParameterName, 'What if the review recorded KEY=VALUE: architecture=conforms|does-not-conform|pending| no-architecture, content_rules=complies|does-not-comply; repeatable')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]')
            [CompletionResult]::new('--edition', '--edition', [CompletionResultType]::ParameterName, 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from each dossier upwards')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--long', '--long', [CompletionResultType]::ParameterName, 'Print each criterion''s full wording instead of one shortened line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;render' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: from the extension of -o FILE, else md]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (one dossier); .md, .txt, .html, .pdf or .docx sets the format; `-` is standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (one dossier); .md, .txt, .html, .pdf or .docx sets the format; `-` is standard output')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write one file per dossier into DIR')
            [CompletionResult]::new('--notes', '--notes', [CompletionResultType]::ParameterName, 'Write what the reviewer should know about the drafts (never printed in them) to FILE')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Use this template instead of the built-in one (see docs/templates.md)')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]')
            [CompletionResult]::new('--edition', '--edition', [CompletionResultType]::ParameterName, 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from each dossier upwards')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace files that exist')
            [CompletionResult]::new('--final', '--final', [CompletionResultType]::ParameterName, 'Draft the authorized body''s acts (decision, order, operator notice) as final, without the draft mark: for a reviewer at the authorized body. The state body''s own documents (application, covering letter, removal notice) are always final')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;init' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What the object is: a kind of the edition (see `dossier rules show ID`)')
            [CompletionResult]::new('--edition', '--edition', [CompletionResultType]::ParameterName, 'The edition of the Rules [default: the current one]')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable)')
            [CompletionResult]::new('--schema-out', '--schema-out', [CompletionResultType]::ParameterName, 'Where to write the JSON Schema dossier.yaml names for editors [default: dossier.schema.json in the dossier''s folder]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Rewrite dossier.yaml of an existing dossier (documents are never touched)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;config' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of the dossier.toml lookup')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;timeline' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]')
            [CompletionResult]::new('--edition', '--edition', [CompletionResultType]::ParameterName, 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from each dossier upwards')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;rules' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of `list` and `show`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The editions built in and loaded, with their source and status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One edition''s requirements, criteria, grounds and deadlines')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print an edition''s TOML, the starting point of an amended edition')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dossier;rules;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of `list` and `show`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;rules;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of `list` and `show`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;rules;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of `list` and `show`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;rules;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The editions built in and loaded, with their source and status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One edition''s requirements, criteria, grounds and deadlines')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print an edition''s TOML, the starting point of an amended edition')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dossier;rules;help;list' {
            break
        }
        'dossier;rules;help;show' {
            break
        }
        'dossier;rules;help;export' {
            break
        }
        'dossier;rules;help;help' {
            break
        }
        'dossier;pack' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The archive to write (one dossier)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The archive to write (one dossier)')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write <folder>.zip per dossier into DIR (names never collide)')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]')
            [CompletionResult]::new('--edition', '--edition', [CompletionResultType]::ParameterName, 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier''s application date')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this settings file instead of looking up dossier.toml from each dossier upwards')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing archive')
            [CompletionResult]::new('--force-incomplete', '--force-incomplete', [CompletionResultType]::ParameterName, 'Pack a dossier that is not ready for filing, recording its findings and `"forced": true` in the manifest; the exit status is then 1')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;verify' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;seal' {
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The date recorded as the seal''s, YYYY-MM-DD [default: $DOSSIER_TODAY, else today]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing dossier.lock')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;schema' {
            [CompletionResult]::new('--edition', '--edition', [CompletionResultType]::ParameterName, 'The edition whose kinds, documents and facts the schema names [default: the default edition]')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Load an edition of the Rules from a TOML file (repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output (`-` is standard output)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output (`-` is standard output)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of tables and wrapped text, in columns [default: the terminal''s width, or COLUMNS; none when stdout is not a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'The schema of `check --format json` instead of dossier.yaml''s')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a file that exists')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'dossier;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check dossiers: documents, score, grounds and the outcome the authorized body would reach')
            [CompletionResult]::new('score', 'score', [CompletionResultType]::ParameterValue, 'Explain the score against the criteria, try what-if changes, and show what would pass')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Draft a document: the application, the decision, the operator notice, the order or the removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a dossier: dossier.yaml explained in kk/ru/en, and a placeholder per document')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings in effect for a dossier (dossier.toml) and where each came from')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Statutory deadlines of clauses 4–10 on the working-day calendar: what is due when')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'The editions of the Rules: list them, show one, or export one as the start of an amended edition (load it back with --rules)')
            [CompletionResult]::new('pack', 'pack', [CompletionResultType]::ParameterValue, 'Pack a checked dossier into one reproducible archive: the application and its covering letter (PDF, Word; kk, ru), every document in the order of the Rules'' list with its signature files, manifest.json, SHA256SUMS and the review notes. Refuses a dossier not ready for filing unless --force-incomplete')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify an archive `pack` wrote (or its unpacked folder): every digest, nothing added or missing, the edition, and a fresh check reaching the recorded outcome. Exit 0 when all holds, 1 on a difference (each is named), 2 on an unusable or unsafe archive')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Seal a dossier: write dossier.lock with the digest of every document, so `check` reports any document changed, added or removed since')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of dossier.yaml under an edition (kinds, documents, facts, review keys), for editors with the YAML language server; `--report`: the schema of `check --format json`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'dossier;help;check' {
            break
        }
        'dossier;help;score' {
            break
        }
        'dossier;help;render' {
            break
        }
        'dossier;help;init' {
            break
        }
        'dossier;help;config' {
            break
        }
        'dossier;help;timeline' {
            break
        }
        'dossier;help;rules' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The editions built in and loaded, with their source and status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One edition''s requirements, criteria, grounds and deadlines')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print an edition''s TOML, the starting point of an amended edition')
            break
        }
        'dossier;help;rules;list' {
            break
        }
        'dossier;help;rules;show' {
            break
        }
        'dossier;help;rules;export' {
            break
        }
        'dossier;help;pack' {
            break
        }
        'dossier;help;verify' {
            break
        }
        'dossier;help;seal' {
            break
        }
        'dossier;help;schema' {
            break
        }
        'dossier;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
