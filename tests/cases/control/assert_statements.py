# assert with and without message, caught AssertionError, message evaluation.

assert True
assert 1 == 1, "never shown"
assert [0], "non-empty list is truthy"
print("passing asserts are silent")

try:
    assert False
except AssertionError as e:
    print("caught", type(e).__name__, repr(str(e)), e.args)

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("caught", type(e).__name__, e, e.args)

try:
    assert [], ["message", "can", "be", "a", "list"]
except AssertionError as e:
    print("caught", e, e.args)

try:
    assert 0, 42
except AssertionError as e:
    print("caught", e, e.args)

try:
    assert None, None
except AssertionError as e:
    print("caught", repr(e), e.args)

# the message is only evaluated when the assertion fails
def noisy():
    print("message evaluated")
    return "noisy message"

assert True, noisy()
try:
    assert False, noisy()
except AssertionError as e:
    print("caught", e)

def check_positive(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x * 2

for value in [3, 0, -2, 10**25, 0.5, -0.0]:
    try:
        print("ok", check_positive(value))
    except AssertionError as e:
        print("AssertionError:", e)

# assert inside a loop with a computed message
data = [1, 2, 3, 5, 8]
try:
    for i in range(2, len(data)):
        assert data[i] == data[i - 1] + data[i - 2], "not fibonacci at index %d" % i
    print("all good")
except AssertionError as e:
    print(e)

# AssertionError raised explicitly
try:
    raise AssertionError("explicit")
except AssertionError as e:
    print(type(e).__name__, e)

print(isinstance(AssertionError(), Exception))
