def title(text):
    return text.capitalize()
