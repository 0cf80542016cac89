"""Parses every .eml file in a folder with Python's email package in strict mode (StrictMimeTest).

email.policy.strict raises on any defect the parser registers; the header objects, the address
lists and the decoded content of every part are read as well, since those are parsed lazily.
Prints one line per bad message and a summary; exits non-zero if any message had a defect.
"""
import email.policy
import pathlib
import sys
from email.parser import BytesParser

ADDRESS_HEADERS = ('from', 'to', 'reply-to', 'cc', 'sender')


def check(data):
    msg = BytesParser(policy=email.policy.strict).parsebytes(data)
    problems = []
    for part in msg.walk():
        problems += [repr(d) for d in part.defects]
        for name, value in part.items():
            problems += ['%s: %r' % (name, d) for d in getattr(value, 'defects', ())]
        if not part.is_multipart():
            part.get_content()
    for name in ADDRESS_HEADERS:
        for value in msg.get_all(name, []):
            if len(value.addresses) != 1 or not value.addresses[0].addr_spec:
                problems.append('%s: %r is not one address' % (name, str(value)))
    return problems


def main(folder):
    files = sorted(pathlib.Path(folder).glob('*.eml'))
    bad = 0
    for path in files:
        try:
            problems = check(path.read_bytes())
        except Exception as e:  # the strict policy raises the first defect
            problems = [repr(e)]
        if problems:
            bad += 1
            print('%s: %s' % (path.name, '; '.join(problems)))
    print('parsed %d messages strictly, %d with defects' % (len(files), bad))
    return 1 if bad or not files else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
