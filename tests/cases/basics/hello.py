print("hello", 1, 2.5, 3j, None, True)
x = [1, (2, 3), {"a": 4}]
print(x, len(x))
