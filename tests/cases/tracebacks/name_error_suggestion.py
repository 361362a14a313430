# NameError for a misspelled name: CPython 3.11 adds a "Did you mean" suggestion.
number_of_items = 3
for i in range(2):
    print("item", i, "of", number_of_items)
print(number_of_itmes)
