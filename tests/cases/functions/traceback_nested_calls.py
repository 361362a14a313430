# An uncaught error several function calls deep: the traceback lists every frame with its source
# line and caret markers, and the program exits with status 1.


def parse_record(line):
    name, value = line.split("=")
    return name.strip(), value.strip()


def normalize(value):
    return value.upper()


def load(lines):
    table = {}
    for line in lines:
        name, value = parse_record(line)
        table[name] = normalize(value)
    return table


def convert(table):
    out = {}
    for name in table:
        out[name] = normalize(len(table[name]))
    return out


data = ["a = one", "b = two", "c=three"]
table = load(data)
print(table)
print(convert(table))
print("never printed")
