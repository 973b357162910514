#!/usr/bin/env python3
"""Fails when a committed .ts file is not complete and current.

For each .ts file: every entry translated (no type="unfinished", no empty
translation or plural form), none kept for a text the sources no longer have
(type="vanished" / "obsolete"), and nothing in the sources missing from it.
The last is found by running lupdate over the sources into a copy of the file
in a temporary folder: the committed files are never modified.

usage: check_translations.py --lupdate LUPDATE [--include DIR] --ts TS... --sources FILE...
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def entries(ts_path):
    """(context, source, comment) -> translation element, for every message."""
    found = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            found[key] = message.find("translation")
    return found


def is_empty(translation):
    forms = translation.findall("numerusform")
    texts = [f.text for f in forms] if forms else [translation.text]
    return any(not (t or "").strip() for t in texts)


def describe(key):
    context, source, comment = key
    text = source if len(source) <= 70 else source[:67] + "..."
    return f"{context}: {text!r}" + (f" ({comment})" if comment else "")


def check(ts, lupdate, include, sources):
    problems = []
    committed = entries(ts)
    for key, translation in committed.items():
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            problems.append(f"no longer in the sources, remove it: {describe(key)}")
        elif kind == "unfinished":
            problems.append(f"unfinished: {describe(key)}")
        elif is_empty(translation):
            problems.append(f"empty translation: {describe(key)}")

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / ts.name
        shutil.copyfile(ts, copy)
        command = [lupdate, "-no-obsolete", "-locations", "none"]
        command += [f"-I{d}" for d in include] + sources + ["-ts", str(copy)]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            return [f"lupdate failed ({run.returncode}):\n{run.stdout}{run.stderr}"]
        updated = entries(copy)
    for key in updated.keys() - committed.keys():
        problems.append(f"in the sources but not in the file: {describe(key)}")
    for key in committed.keys() - updated.keys():
        if committed[key].get("type") not in ("vanished", "obsolete"):
            problems.append(f"no longer in the sources, remove it: {describe(key)}")
    if not problems:
        print(f"{ts.name}: {len(committed)} entries, all translated and current")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--include", nargs="*", default=[])
    parser.add_argument("--ts", nargs="+", type=Path, required=True)
    parser.add_argument("--sources", nargs="+", required=True)
    args = parser.parse_args()
    failed = False
    for ts in args.ts:
        problems = check(ts, args.lupdate, args.include, args.sources)
        for problem in problems:
            print(f"{ts.name}: {problem}")
        failed = failed or bool(problems)
    if failed:
        print("Update the files with: cmake --build BUILD --target update_translations, then "
              "translate what is marked unfinished (translations/README.md).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
