from components.page import coming_soon

coming_soon("page.proposals")
