# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_dossier_global_optspecs
    string join \n generate= lang= width= color= h/help V/version
end

function __fish_dossier_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_dossier_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_dossier_using_subcommand
    set -l cmd (__fish_dossier_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c dossier -n "__fish_dossier_needs_command" -l generate -d 'Print a man page or a shell completion script generated from this binary and exit: man (dossier.1), man-COMMAND (dossier-COMMAND.1), complete-bash, complete-zsh, complete-fish, complete-powershell, complete-elvish' -r -f -a "man\t''
complete-bash\t''
complete-zsh\t''
complete-fish\t''
complete-powershell\t''
complete-elvish\t''"
complete -c dossier -n "__fish_dossier_needs_command" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_needs_command" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_needs_command" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_needs_command" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_needs_command" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "check" -d 'Check dossiers: documents, score, grounds and the outcome the authorized body would reach'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "score" -d 'Explain the score against the criteria, try what-if changes, and show what would pass'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "render" -d 'Draft a document: the application, the decision, the operator notice, the order or the removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "init" -d 'Create a dossier: dossier.yaml explained in kk/ru/en, and a placeholder per document'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "config" -d 'Show the settings in effect for a dossier (dossier.toml) and where each came from'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "timeline" -d 'Statutory deadlines of clauses 4–10 on the working-day calendar: what is due when'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "rules" -d 'The editions of the Rules: list them, show one, or export one as the start of an amended edition (load it back with --rules)'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "pack" -d 'Pack a checked dossier into one reproducible archive: the application and its covering letter (PDF, Word; kk, ru), every document in the order of the Rules\' list with its signature files, manifest.json, SHA256SUMS and the review notes. Refuses a dossier not ready for filing unless --force-incomplete'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "verify" -d 'Verify an archive `pack` wrote (or its unpacked folder): every digest, nothing added or missing, the edition, and a fresh check reaching the recorded outcome. Exit 0 when all holds, 1 on a difference (each is named), 2 on an unusable or unsafe archive'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "seal" -d 'Seal a dossier: write dossier.lock with the digest of every document, so `check` reports any document changed, added or removed since'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "schema" -d 'Print the JSON Schema of dossier.yaml under an edition (kinds, documents, facts, review keys), for editors with the YAML language server; `--report`: the schema of `check --format json`'
complete -c dossier -n "__fish_dossier_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dossier -n "__fish_dossier_using_subcommand check" -l format -d 'Output format: a table (human), the contract\'s JSON, one row per dossier and requirement (csv, tsv), JUnit XML for CI servers, a self-contained HTML page for managers, or the findings where a change is reviewed: SARIF 2.1.0 (code scanning), GitHub workflow commands, GitLab Code Quality JSON' -r -f -a "human\t''
json\t''
csv\t''
tsv\t''
junit\t''
html\t''
sarif\t''
github\t''
gitlab\t''
xlsx\t'A workbook: dossiers, documents and findings, one sheet each (needs -o FILE)'"
complete -c dossier -n "__fish_dossier_using_subcommand check" -l group-by -d 'Totals per state body: dossiers, outcomes, missing documents' -r -f -a "state-body\t'The applicant state body (`state_body.name`)'"
complete -c dossier -n "__fish_dossier_using_subcommand check" -l stage -d 'Judge the state body\'s own part at a stage of the procedure: `filing` is ready when every document and portal item is present and valid and the criteria pass (exit 0 when every dossier is ready, 1 when one is not)' -r -f -a "filing\t'Before filing: is the state body\'s part complete?'"
complete -c dossier -n "__fish_dossier_using_subcommand check" -s o -l output -d 'Write the report to FILE (atomically; an existing file only with --force); `-` is standard output' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand check" -l set -d 'What if criterion row ID were met (yes) or not (no); repeatable' -r
complete -c dossier -n "__fish_dossier_using_subcommand check" -l fact -d 'What if fact NAME had VALUE; repeatable, e.g. --fact active_registered_users=1200' -r
complete -c dossier -n "__fish_dossier_using_subcommand check" -l assume -d 'What if the review recorded KEY=VALUE: architecture=conforms|does-not-conform|pending| no-architecture, content_rules=complies|does-not-comply; repeatable' -r
complete -c dossier -n "__fish_dossier_using_subcommand check" -l today -d 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]' -r
complete -c dossier -n "__fish_dossier_using_subcommand check" -l edition -d 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier\'s application date' -r
complete -c dossier -n "__fish_dossier_using_subcommand check" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand check" -l config -d 'Use this settings file instead of looking up dossier.toml from each dossier upwards' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand check" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand check" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand check" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand check" -s q -l quiet -d 'Errors and the summary only: dossiers without errors, warnings and notes are not printed'
complete -c dossier -n "__fish_dossier_using_subcommand check" -l summary -d 'csv/tsv: one row per dossier instead of one per dossier and requirement'
complete -c dossier -n "__fish_dossier_using_subcommand check" -l excel -d 'csv: as Russian and Kazakh Excel open it by a double click — a UTF-8 byte-order mark and `;` between fields (a plain comma CSV opens there as one garbled column)'
complete -c dossier -n "__fish_dossier_using_subcommand check" -l force -d 'With --output: replace an existing file'
complete -c dossier -n "__fish_dossier_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dossier -n "__fish_dossier_using_subcommand check" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand score" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c dossier -n "__fish_dossier_using_subcommand score" -l set -d 'What if criterion row ID were met (yes) or not (no); repeatable' -r
complete -c dossier -n "__fish_dossier_using_subcommand score" -l fact -d 'What if fact NAME had VALUE; repeatable, e.g. --fact active_registered_users=1200' -r
complete -c dossier -n "__fish_dossier_using_subcommand score" -l assume -d 'What if the review recorded KEY=VALUE: architecture=conforms|does-not-conform|pending| no-architecture, content_rules=complies|does-not-comply; repeatable' -r
complete -c dossier -n "__fish_dossier_using_subcommand score" -l today -d 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]' -r
complete -c dossier -n "__fish_dossier_using_subcommand score" -l edition -d 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier\'s application date' -r
complete -c dossier -n "__fish_dossier_using_subcommand score" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand score" -l config -d 'Use this settings file instead of looking up dossier.toml from each dossier upwards' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand score" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand score" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand score" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand score" -l long -d 'Print each criterion\'s full wording instead of one shortened line'
complete -c dossier -n "__fish_dossier_using_subcommand score" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dossier -n "__fish_dossier_using_subcommand score" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand render" -l format -d 'Output format [default: from the extension of -o FILE, else md]' -r -f -a "md\t''
txt\t''
html\t''
pdf\t''
docx\t''"
complete -c dossier -n "__fish_dossier_using_subcommand render" -s o -l output -d 'Write to FILE (one dossier); .md, .txt, .html, .pdf or .docx sets the format; `-` is standard output' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l out-dir -d 'Write one file per dossier into DIR' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l notes -d 'Write what the reviewer should know about the drafts (never printed in them) to FILE' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l template -d 'Use this template instead of the built-in one (see docs/templates.md)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l today -d 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l edition -d 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier\'s application date' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l config -d 'Use this settings file instead of looking up dossier.toml from each dossier upwards' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand render" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand render" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand render" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand render" -l force -d 'Replace files that exist'
complete -c dossier -n "__fish_dossier_using_subcommand render" -l final -d 'Draft the authorized body\'s acts (decision, order, operator notice) as final, without the draft mark: for a reviewer at the authorized body. The state body\'s own documents (application, covering letter, removal notice) are always final'
complete -c dossier -n "__fish_dossier_using_subcommand render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dossier -n "__fish_dossier_using_subcommand render" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand init" -l kind -d 'What the object is: a kind of the edition (see `dossier rules show ID`)' -r
complete -c dossier -n "__fish_dossier_using_subcommand init" -l edition -d 'The edition of the Rules [default: the current one]' -r
complete -c dossier -n "__fish_dossier_using_subcommand init" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand init" -l schema-out -d 'Where to write the JSON Schema dossier.yaml names for editors [default: dossier.schema.json in the dossier\'s folder]' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand init" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand init" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand init" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand init" -l force -d 'Rewrite dossier.yaml of an existing dossier (documents are never touched)'
complete -c dossier -n "__fish_dossier_using_subcommand init" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand init" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand config" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c dossier -n "__fish_dossier_using_subcommand config" -l config -d 'Use this settings file instead of the dossier.toml lookup' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand config" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand config" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand config" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand config" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand config" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l today -d 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]' -r
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l edition -d 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier\'s application date' -r
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l config -d 'Use this settings file instead of looking up dossier.toml from each dossier upwards' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c dossier -n "__fish_dossier_using_subcommand timeline" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -l format -d 'Output format of `list` and `show`' -r -f -a "human\t''
json\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -l config -d 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -f -a "list" -d 'The editions built in and loaded, with their source and status'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -f -a "show" -d 'One edition\'s requirements, criteria, grounds and deadlines'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -f -a "export" -d 'Print an edition\'s TOML, the starting point of an amended edition'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and not __fish_seen_subcommand_from list show export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from list" -l format -d 'Output format of `list` and `show`' -r -f -a "human\t''
json\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from list" -l config -d 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from list" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from list" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from list" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from show" -l format -d 'Output format of `list` and `show`' -r -f -a "human\t''
json\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from show" -l config -d 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from show" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from show" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from show" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from export" -l format -d 'Output format of `list` and `show`' -r -f -a "human\t''
json\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from export" -l config -d 'Use this settings file instead of looking up dossier.toml from the working folder up (its `editions` are listed too)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from export" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from export" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from export" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from export" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "list" -d 'The editions built in and loaded, with their source and status'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "show" -d 'One edition\'s requirements, criteria, grounds and deadlines'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print an edition\'s TOML, the starting point of an amended edition'
complete -c dossier -n "__fish_dossier_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dossier -n "__fish_dossier_using_subcommand pack" -s o -l output -d 'The archive to write (one dossier)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l out-dir -d 'Write <folder>.zip per dossier into DIR (names never collide)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l today -d 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: $DOSSIER_TODAY when set and not empty, else today]' -r
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l edition -d 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says; `auto`: the edition in force on each dossier\'s application date' -r
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l config -d 'Use this settings file instead of looking up dossier.toml from each dossier upwards' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l force -d 'Replace an existing archive'
complete -c dossier -n "__fish_dossier_using_subcommand pack" -l force-incomplete -d 'Pack a dossier that is not ready for filing, recording its findings and `"forced": true` in the manifest; the exit status is then 1'
complete -c dossier -n "__fish_dossier_using_subcommand pack" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand pack" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand verify" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c dossier -n "__fish_dossier_using_subcommand verify" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand verify" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand verify" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand verify" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand verify" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand verify" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand seal" -l today -d 'The date recorded as the seal\'s, YYYY-MM-DD [default: $DOSSIER_TODAY, else today]' -r
complete -c dossier -n "__fish_dossier_using_subcommand seal" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand seal" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand seal" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand seal" -l force -d 'Replace an existing dossier.lock'
complete -c dossier -n "__fish_dossier_using_subcommand seal" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand seal" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand schema" -l edition -d 'The edition whose kinds, documents and facts the schema names [default: the default edition]' -r
complete -c dossier -n "__fish_dossier_using_subcommand schema" -l rules -d 'Load an edition of the Rules from a TOML file (repeatable)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand schema" -s o -l output -d 'Write to FILE instead of standard output (`-` is standard output)' -r -F
complete -c dossier -n "__fish_dossier_using_subcommand schema" -l lang -d 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]' -r -f -a "en\t''
ru\t''
kk\t''"
complete -c dossier -n "__fish_dossier_using_subcommand schema" -l width -d 'Width of tables and wrapped text, in columns [default: the terminal\'s width, or COLUMNS; none when stdout is not a terminal]' -r
complete -c dossier -n "__fish_dossier_using_subcommand schema" -l color -d 'When to colour the output: auto colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c dossier -n "__fish_dossier_using_subcommand schema" -l report -d 'The schema of `check --format json` instead of dossier.yaml\'s'
complete -c dossier -n "__fish_dossier_using_subcommand schema" -l force -d 'Replace a file that exists'
complete -c dossier -n "__fish_dossier_using_subcommand schema" -s h -l help -d 'Print help'
complete -c dossier -n "__fish_dossier_using_subcommand schema" -s V -l version -d 'Print version'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "check" -d 'Check dossiers: documents, score, grounds and the outcome the authorized body would reach'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "score" -d 'Explain the score against the criteria, try what-if changes, and show what would pass'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "render" -d 'Draft a document: the application, the decision, the operator notice, the order or the removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "init" -d 'Create a dossier: dossier.yaml explained in kk/ru/en, and a placeholder per document'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "config" -d 'Show the settings in effect for a dossier (dossier.toml) and where each came from'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "timeline" -d 'Statutory deadlines of clauses 4–10 on the working-day calendar: what is due when'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "rules" -d 'The editions of the Rules: list them, show one, or export one as the start of an amended edition (load it back with --rules)'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "pack" -d 'Pack a checked dossier into one reproducible archive: the application and its covering letter (PDF, Word; kk, ru), every document in the order of the Rules\' list with its signature files, manifest.json, SHA256SUMS and the review notes. Refuses a dossier not ready for filing unless --force-incomplete'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "verify" -d 'Verify an archive `pack` wrote (or its unpacked folder): every digest, nothing added or missing, the edition, and a fresh check reaching the recorded outcome. Exit 0 when all holds, 1 on a difference (each is named), 2 on an unusable or unsafe archive'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "seal" -d 'Seal a dossier: write dossier.lock with the digest of every document, so `check` reports any document changed, added or removed since'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "schema" -d 'Print the JSON Schema of dossier.yaml under an edition (kinds, documents, facts, review keys), for editors with the YAML language server; `--report`: the schema of `check --format json`'
complete -c dossier -n "__fish_dossier_using_subcommand help; and not __fish_seen_subcommand_from check score render init config timeline rules pack verify seal schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c dossier -n "__fish_dossier_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "list" -d 'The editions built in and loaded, with their source and status'
complete -c dossier -n "__fish_dossier_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "show" -d 'One edition\'s requirements, criteria, grounds and deadlines'
complete -c dossier -n "__fish_dossier_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "export" -d 'Print an edition\'s TOML, the starting point of an amended edition'
