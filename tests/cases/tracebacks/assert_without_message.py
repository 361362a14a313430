# A failing assert without a message.
def check(x):
    assert x * x >= 0
    assert x != 3
    return x


for i in range(5):
    print("checked", check(i))
