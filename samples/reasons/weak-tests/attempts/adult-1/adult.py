def adult(years):
    return years >= 18
