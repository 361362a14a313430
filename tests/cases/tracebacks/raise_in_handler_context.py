# A new exception raised explicitly inside an except clause shows the first one as context.

def convert(items):
    out = []
    for item in items:
        try:
            out.append(float(item))
        except ValueError:
            raise TypeError("cannot convert item %d of %d" % (len(out), len(items)))
    return out


print(convert(["1", "2.5", "-inf", "1e3"]))
print(convert(["3", "x", "4"]))
