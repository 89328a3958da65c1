
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
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Check dossiers: documents, score, grounds and the outcome the authorized body would reach'
            cand score 'Explain the score against the criteria, try what-if changes, and show what would pass'
            cand render 'Draft a document: the application, the decision, the operator notice, the order or the removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;check'= {
            cand --format 'Output format'
            cand --today 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: today]'
            cand --edition 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;score'= {
            cand --format 'Output format'
            cand --set 'What if criterion ID were met (yes) or not (no); repeatable, e.g. --set 2.4=yes'
            cand --fact 'What if fact NAME had VALUE; repeatable, e.g. --fact active_registered_users=1200'
            cand --today 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: today]'
            cand --edition 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand --long 'Print each criterion''s full wording instead of one shortened line'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;render'= {
            cand --format 'Output format'
            cand -o 'Write to FILE (one dossier)'
            cand --output 'Write to FILE (one dossier)'
            cand --out-dir 'Write one file per dossier into DIR'
            cand --template 'Use this template instead of the built-in one (see docs/templates.md)'
            cand --today 'The date expiry and deadlines are judged against, YYYY-MM-DD [default: today]'
            cand --edition 'Judge every dossier under this edition of the Rules, whatever dossier.yaml says'
            cand --rules 'Load an edition of the Rules from a TOML file (repeatable); it replaces a built-in edition with the same id'
            cand --lang 'Language of reports and messages [default: from LC_ALL, LC_MESSAGES or LANG, else en]'
            cand --color 'When to colour the output: auto colours a terminal unless NO_COLOR is set'
            cand --force 'Replace files that exist'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'dossier;help'= {
            cand check 'Check dossiers: documents, score, grounds and the outcome the authorized body would reach'
            cand score 'Explain the score against the criteria, try what-if changes, and show what would pass'
            cand render 'Draft a document: the application, the decision, the operator notice, the order or the removal notice, in Kazakh or Russian, as Markdown, text, HTML, PDF or Word'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'dossier;help;check'= {
        }
        &'dossier;help;score'= {
        }
        &'dossier;help;render'= {
        }
        &'dossier;help;help'= {
        }
    ]
    $completions[$command]
}
