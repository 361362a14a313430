# break, continue and return passing through try/finally inside loops, and exceptions that
# propagate through finally blocks and are caught further out.

for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
else:
    print("not reached: loop was broken")


def first_even(values):
    for v in values:
        try:
            if v % 2 == 0:
                return v
        finally:
            print("  checked", v)
    return None


print("first_even ->", first_even([3, 5, 8, 9]))
print("first_even ->", first_even([1, 3]))


def finally_overrides():
    try:
        return "from try"
    finally:
        print("  finally runs before the return completes")


print(finally_overrides())

# an exception passes through a finally block and is caught by the caller's handler
def risky(n):
    try:
        print("  risky", n)
        return 10 // n
    finally:
        print("  cleanup", n)


for n in [2, 0, -3]:
    try:
        print("result", risky(n))
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)

# an exception that does not match the inner handler goes to the outer one
for value in ["12", "x", None]:
    try:
        try:
            print("parsed", int(value))
        except ValueError:
            print("inner handler: bad literal", repr(value))
    except TypeError as e:
        print("outer handler:", e)

# nested loops with finally and break out of the inner loop only
total = 0
for i in range(3):
    for j in range(3):
        try:
            if j == 2:
                break
            total += i * 10 + j
        finally:
            total += 100
print("total", total)

# while loop whose body raises on some iterations
count = 0
errors = 0
while count < 6:
    count += 1
    try:
        if count % 3 == 0:
            raise ValueError("multiple of three: " + str(count))
    except ValueError as e:
        errors += 1
        print("handled", e)
        continue
    finally:
        print("end of iteration", count)
    print("no error at", count)
print("errors", errors)
