# Found by fuzzing: the parser fails on the call in the parameter list, and the tokenizer on the
# next character; explaining the error sliced the tokens past their end.
def f(a($
