# KeyError from a dict lookup with a computed key.
prices = {"apple": 1.25, "pear": 0.5, "plum": 2}
order = ["apple", "plum", "kiwi", "pear"]
bill = 0
for fruit in order:
    bill = bill + prices[fruit.lower()] * 3
    print(fruit, bill)
print("total", bill)
