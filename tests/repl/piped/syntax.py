print("never runs")
if True
    pass
