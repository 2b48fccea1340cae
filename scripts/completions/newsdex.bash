# Bash completion for newsdex-index and newsdex-search.
#
# `cmake --install` puts this file in share/bash-completion/completions/
# under each program's name, where bash-completion loads it on the first
# Tab; without bash-completion, source it from ~/.bashrc:
#   . /path/to/newsdex.bash
# It needs bash 4.2 and nothing else (not bash-completion's helpers).
#
# Completes options, the fixed values of --format, --sort, --color and
# --facet, folders for --db, files where an option or an input takes one,
# and the query language's field names (person:, date:, ...) in queries.
# The option lists below are the programs' --help; tests/packaging/
# check-completions fails when they drift apart.

_newsdex_index_options=(
    -q --quiet --no-progress --replace --prune --delete --reanalyse -j --jobs --shards --batch-size --memory
    --max-article-size --no-entities --overrides --section-from-folder -h --help --version --db --check --stats --format --compact
)
_newsdex_search_options=(
    -n --limit --offset --any --format --timing --allow-partial --collapse --explain --like --get --why --shell
    --sort --half-life --facet --facet-match --facet-sample --color -h --help --version --db --batch --jobs
    --state --since -q --quiet
)
# The query language's fields (docs/query-language.md).
_newsdex_query_fields=(title: person: location: country: org: source: author: section: keyword: date: id:)

# Sets cur to the whole word being completed, prev to the word before and
# piece to the part of cur that bash replaces with each reply. Bash cuts
# words at ':' and '=' too (COMP_WORDBREAKS): for `person:ga` COMP_WORDS
# holds `person`, `:` and `ga`, and a reply replaces `ga` alone. The whole
# word is read from the command line instead.
_newsdex_words() {
    local line=${COMP_LINE-${COMP_WORDS[*]:0:COMP_CWORD+1}}
    line=${line:0:${COMP_POINT-${#line}}}
    cur=${line##*[[:blank:]]}
    local breaks=${COMP_WORDBREAKS-=:}
    breaks=${breaks//[[:space:]\"\']/}
    piece=$cur
    [[ -z $breaks ]] || piece=${cur##*["$breaks"]}
    local before=${line%"$cur"}
    before=${before%"${before##*[![:blank:]]}"}
    prev=${before##*[[:blank:]]}
    # After `--` every word is a query word or an input, never an option.
    local -a words
    read -ra words <<<"$before"
    options_ended=0
    local word
    for word in "${words[@]:1}"; do
        if [[ $word == -- ]]; then options_ended=1; fi
    done
}

# COMPREPLY: the candidates (whole words) that start with cur, each cut to
# the piece bash replaces.
_newsdex_reply() {
    local cut=$((${#cur} - ${#piece})) candidate
    COMPREPLY=()
    for candidate; do
        if [[ $candidate == "$cur"* ]]; then COMPREPLY+=("${candidate:cut}"); fi
    done
    return 0
}

# COMPREPLY: the files (-f) or folders (-d) whose names start with the
# value being completed; `prefix` is what precedes the value in cur
# (`--db=`). With `or-files`, files when no folder matches.
_newsdex_paths() {
    local value=${cur#"$prefix"}
    local -a found
    mapfile -t found < <(compgen "$1" -- "$value")
    if [[ ${#found[@]} -eq 0 && ${2-} == or-files ]]; then
        mapfile -t found < <(compgen -f -- "$value")
    fi
    _newsdex_fixed_values "${found[@]}"
    compopt -o filenames 2>/dev/null
    return 0
}

# The option whose value is being completed, in `opt`, and in `prefix`
# what precedes the value in cur: `--format j` (opt --format, prefix "")
# or `--format=j` (prefix "--format="). Returns 1 when cur is no value.
_newsdex_option_value() {
    ((options_ended)) && return 1
    if [[ $cur == --*=* ]]; then
        opt=${cur%%=*}
        prefix=$opt=
    else
        opt=$prev
        prefix=
    fi
    [[ $opt == -* ]]
}

# COMPREPLY: the values given that start with the value being completed.
_newsdex_fixed_values() {
    local -a full=("${@/#/$prefix}")
    _newsdex_reply "${full[@]}"
}

_newsdex_index() {
    local cur prev piece options_ended opt prefix
    _newsdex_words
    if _newsdex_option_value; then
        case $opt in
            --format) _newsdex_fixed_values text json ;;
            --db) _newsdex_paths -d ;;
            --overrides) _newsdex_paths -f ;;
            # Numbers: nothing to offer.
            -j | --jobs | --shards | --batch-size | --memory | --max-article-size) COMPREPLY=() ;;
            *) opt= ;;
        esac
        [[ -n $opt ]] && return 0
    fi
    if ((!options_ended)) && [[ $cur == -* ]]; then
        _newsdex_reply "${_newsdex_index_options[@]}"
        return 0
    fi
    # INPUT: files and folders (or the ids of --delete, a file's id being
    # its path).
    prefix=
    _newsdex_paths -f
}

_newsdex_search() {
    local cur prev piece options_ended opt prefix
    _newsdex_words
    if _newsdex_option_value; then
        case $opt in
            --format) _newsdex_fixed_values text json jsonl tsv trec ;;
            --sort) _newsdex_fixed_values relevance newest oldest recent ;;
            --color) _newsdex_fixed_values auto always never ;;
            --facet)
                _newsdex_fixed_values person location country org source author section keyword \
                    date date:year date:month date:week date:day
                ;;
            # --db also takes a stub file naming shards (docs/scaling.md).
            --db) _newsdex_paths -d or-files ;;
            # An id is often a file's path (docs/index-format.md, Ids).
            --batch | --state | --like | --get) _newsdex_paths -f ;;
            # Numbers, times and free text: nothing to offer.
            -n | --limit | --offset | --half-life | --facet-match | --facet-sample | --since | --jobs) COMPREPLY=() ;;
            *) opt= ;;
        esac
        [[ -n $opt ]] && return 0
    fi
    if ((!options_ended)) && [[ $cur == -* ]]; then
        _newsdex_reply "${_newsdex_search_options[@]}"
        return 0
    fi
    # A query word: its field (person:...), after a leading -, + or (.
    local lead=${cur%%[!-+(]*}
    COMPREPLY=()
    if [[ ${cur#"$lead"} != *:* ]]; then
        local -a full=("${_newsdex_query_fields[@]/#/$lead}")
        _newsdex_reply "${full[@]}"
    fi
    compopt -o nospace 2>/dev/null
    return 0
}

complete -F _newsdex_index newsdex-index
complete -F _newsdex_search newsdex-search
