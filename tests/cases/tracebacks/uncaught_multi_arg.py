# An uncaught exception with several args: the last line shows the args tuple.

def validate(record):
    name, age = record
    if not isinstance(age, int) or age < 0:
        raise ValueError("bad age", name, age)
    return "%s is %d" % (name, age)


for record in [("ann", 31), ("bob", 0), ("cy", -4)]:
    print(validate(record))
