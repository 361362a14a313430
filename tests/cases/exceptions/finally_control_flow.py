# finally runs on return, break and continue; a return in finally overrides.

log = []

def ret_in_try(x):
    try:
        log.append("try " + str(x))
        return x * 2
    finally:
        log.append("finally " + str(x))


print(ret_in_try(5), ret_in_try(-3), log)
log.clear()


def finally_overrides():
    try:
        return "from try"
    finally:
        return "from finally"


print(finally_overrides())


def finally_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "finally won"


print(finally_swallows_exception())


def except_return_then_finally():
    try:
        1 / 0
    except ZeroDivisionError:
        log.append("handler")
        return "handler value"
    finally:
        log.append("cleanup")


print(except_return_then_finally(), log)
log.clear()

# break inside try in a loop
for i in range(5):
    try:
        if i == 2:
            print("breaking at", i)
            break
        print("body", i)
    finally:
        print("finally", i)
else:
    print("loop else (not reached)")

# continue inside try
total = 0
for i in range(-2, 4):
    try:
        if i % 2 == 0:
            continue
        total += i
    finally:
        print("finally after", i, "total", total)
print("total", total)

# while with break in finally-guarded block, nested
n = 0
while True:
    try:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("inner finally n =", n)
    finally:
        print("outer finally n =", n)
print("n =", n)

# finally value does not override when it does not return
def keeps_value():
    x = 1
    try:
        return x
    finally:
        x = 100


print(keeps_value())


def counter():
    results = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise KeyError(i)
                results.append(i)
            finally:
                results.append("f%d" % i)
        except KeyError as e:
            results.append("k" + str(e))
            continue
        results.append("end%d" % i)
    return results


print(counter())

# break inside finally discards the exception
for i in range(3):
    try:
        raise ValueError(i)
    finally:
        print("finally breaking with pending exception", i)
        break
print("survived")
