#!/bin/bash
# Checks that a translation is complete, against the sources as they are
# now (not against a template that may be out of date).
#
# Usage: check-translations.sh SOURCE_ROOT LANGUAGE
#
# 1. msgfmt --check --statistics on po/LANGUAGE.po: no errors, nothing
#    fuzzy, nothing untranslated.
# 2. A fresh template from the files in po/POTFILES.in, with the keywords
#    of meson's glib preset: C with xgettext's C parser, GtkBuilder files
#    with -L Glade, desktop files with -L Desktop, AppStream metainfo with
#    its ITS rules; merged with msgcat.
# 3. msgmerge of LANGUAGE.po with that template: no message of the
#    template may be untranslated or fuzzy.
set -u -o pipefail

root=${1:?source root}
lang=${2:-sv}
po="$root/po/$lang.po"
potfiles="$root/po/POTFILES.in"
status=0

fail () {
    echo "FAIL: $*"
    status=1
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paddock-po-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

for tool in msgfmt xgettext msgcat msgmerge msgattrib; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (gettext)"; exit 1; }
done
[ -f "$po" ] || { echo "FAIL: $po does not exist"; exit 1; }
[ -f "$potfiles" ] || { echo "FAIL: $potfiles does not exist"; exit 1; }

# 1. The catalogue itself.
if ! stats=$(LC_ALL=C msgfmt --check --statistics -o "$tmp/$lang.mo" "$po" 2>&1); then
    echo "$stats"
    fail "msgfmt --check found errors in po/$lang.po"
else
    echo "po/$lang.po: $stats"
    case "$stats" in
        *fuzzy*) fail "po/$lang.po has fuzzy translations" ;;
    esac
    case "$stats" in
        *untranslated*) fail "po/$lang.po has untranslated messages" ;;
    esac
fi

# 2. A template from the sources.
c_files=()
ui_files=()
desktop_files=()
metainfo_files=()
other_files=()
while IFS= read -r line || [ -n "$line" ]; do
    line=${line%%#*}
    line=$(echo "$line" | tr -d '[:space:]')
    [ -n "$line" ] || continue
    if [ ! -f "$root/$line" ]; then
        fail "po/POTFILES.in lists $line, which does not exist"
        continue
    fi
    case "$line" in
        *.c|*.h) c_files+=("$line") ;;
        *.ui) ui_files+=("$line") ;;
        *.desktop.in.in|*.desktop.in) desktop_files+=("$line") ;;
        *.metainfo.xml.in.in|*.metainfo.xml.in|*.appdata.xml.in.in|*.appdata.xml.in) metainfo_files+=("$line") ;;
        *) other_files+=("$line") ;;
    esac
done < "$potfiles"

pots=()
xg () {
    local out=$1
    shift
    if ! (cd "$root" && xgettext --from-code=UTF-8 --add-comments=TRANSLATORS \
            --package-name=paddock --msgid-bugs-address=none -o "$out" "$@") 2> "$out.log"; then
        cat "$out.log"
        fail "xgettext failed on: $*"
        return
    fi
    grep -v 'fallback ITS rule file' "$out.log" || true
    # A message built with a macro, such as "%" G_GINT64_FORMAT, reaches
    # the template cut short, so its translation is never found.
    if grep -q 'not a valid C format string' "$out.log"; then
        fail "a translatable string is cut short in the template (a macro inside _()): $(grep 'not a valid C format string' "$out.log" | cut -d: -f1,2 | tr '\n' ' ')"
    fi
    # xgettext writes nothing when it finds no message.
    [ -f "$out" ] && pots+=("$out")
}

if [ ${#c_files[@]} -gt 0 ]; then
    xg "$tmp/c.pot" -L C \
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dngettext:2,3 --keyword=g_dcgettext:2 --keyword=Q_:1g \
        --keyword=g_dpgettext2:2c,3 --flag=g_strdup_printf:1:c-format \
        --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format \
        "${c_files[@]}"
fi
if [ ${#ui_files[@]} -gt 0 ]; then
    xg "$tmp/ui.pot" -L Glade "${ui_files[@]}"
fi
if [ ${#desktop_files[@]} -gt 0 ]; then
    xg "$tmp/desktop.pot" -L Desktop "${desktop_files[@]}"
fi
if [ ${#metainfo_files[@]} -gt 0 ]; then
    its=""
    for dir in /usr/share/gettext/its /usr/share/gettext-*/its; do
        [ -f "$dir/metainfo.its" ] && { its="$dir/metainfo.its"; break; }
    done
    if [ -z "$its" ]; then
        fail "no ITS rules for AppStream metainfo (metainfo.its) were found"
    else
        xg "$tmp/metainfo.pot" --its="$its" "${metainfo_files[@]}"
    fi
fi
if [ ${#other_files[@]} -gt 0 ]; then
    # Such as a GSettings schema: the .loc files that come with gettext
    # and GLib know their rules.
    xg "$tmp/other.pot" "${other_files[@]}"
fi

if [ ${#pots[@]} -eq 0 ]; then
    fail "no translatable messages were found in the files of po/POTFILES.in"
    exit 1
fi
if ! msgcat --use-first -o "$tmp/template.pot" "${pots[@]}"; then
    fail "msgcat could not merge the templates"
    exit 1
fi
# The same cut, when xgettext does not warn: a msgid ending in a lone "%".
cut_short=$(msgcat --no-wrap "$tmp/template.pot" | grep -E '^msgid "(.*[^%])?(%%)*%"$' || true)
if [ -n "$cut_short" ]; then
    echo "$cut_short"
    fail "message(s) above end in a lone “%”: a format macro was cut off by xgettext"
fi
n_template=$(msgattrib --no-obsolete "$tmp/template.pot" | grep -c '^msgid ' || true)
echo "template: $((n_template - 1)) messages from $(grep -cv '^\s*\(#\|$\)' "$potfiles") files"

# 3. Every message of the template, translated in the catalogue.
if ! msgmerge --quiet --no-wrap -o "$tmp/merged.po" "$po" "$tmp/template.pot"; then
    fail "msgmerge failed"
    exit 1
fi
# msgfmt counts what msgattrib would list, without the header.
merged_stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "po/$lang.po merged with the sources: $merged_stats"
count () {
    echo "$merged_stats" | grep -o "[0-9]* $1" | grep -o '^[0-9]*' || echo 0
}
n_untranslated=$(count untranslated)
n_fuzzy=$(count fuzzy)
if [ "$n_untranslated" -gt 0 ]; then
    echo "Untranslated in po/$lang.po ($n_untranslated):"
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" \
        | grep '^msgid ' | grep -v '^msgid ""$' | head -80
    fail "$n_untranslated message(s) of the sources are not translated in po/$lang.po"
fi
if [ "$n_fuzzy" -gt 0 ]; then
    echo "Fuzzy in po/$lang.po ($n_fuzzy):"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" \
        | grep '^msgid ' | grep -v '^msgid ""$' | head -40
    fail "$n_fuzzy message(s) of the sources are fuzzy in po/$lang.po"
fi

[ $status -eq 0 ] && echo "po/$lang.po translates all $((n_template - 1)) messages of the sources"
exit $status
