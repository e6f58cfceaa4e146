"""The label vocabularies every module shares: stances, speech kinds, paragraph types, and their orders.

One place for each list, so that a chart's legend, a table's columns and a checker's error message
always name the same labels in the same order. Nothing here computes anything.

>>> SPEECH
('full', 'partial')
>>> [s for s in STANCE_ORDER if s in ACTOR_STANCES]
['FAVOR', 'MIXED', 'AGAINST', 'NONE']
"""

# Stance toward the federal immigration crackdown (corpus/annotations/CODEBOOK.md, section 4).
STANCES = ("FAVOR", "AGAINST", "NONE")
# An actor with both FAVOR and AGAINST quotations is MIXED; a single quotation never is.
ACTOR_STANCES = ("FAVOR", "AGAINST", "NONE", "MIXED")
# The order in which stances are shown: one side, the mixed middle, the other side, no side.
STANCE_ORDER = ("FAVOR", "MIXED", "AGAINST", "NONE")

# What sort of quotation a span is (CODEBOOK.md, section 2); only the first two are speech.
KINDS = ("full", "partial", "not speech")
SPEECH = ("full", "partial")

# Paragraph types (corpus/README.md); only body paragraphs are coded for quotations.
PARAGRAPH_TYPES = ("title", "body", "caption", "boilerplate", "section heading")

# Common given names, by the pronoun news writing uses for their bearers: a name's first word says
# whether "she" or "he" can refer back to it. Names that are also U.S. places (Austin, Charlotte, Jackson,
# Eugene, Aurora ...) are left out, so that a city is never read as a person.
GIVEN_FEMALE = frozenset("""
Abigail Adrienne Alexa Alexandra Alice Alicia Alina Alison Allison Alyssa Amanda Amy Ana Andrea Angela Angelica
Ann Anna Anne Annie Ashley Ayanna Barbara Betsy Beth Betty Brenda Brittany Candace Cara Carla Carmen Carol
Caroline Carolyn Catherine Cathy Cecilia Chloe Christina Christine Cindy Claire Claudia Colleen Connie Cynthia
Dana Danielle Deborah Debra Denise Diana Diane Donna Dora Doris Eileen Elaine Elena Elise Elizabeth Ellen Emily
Emma Erica Erin Eva Evelyn Faith Frances Gabriela Gina Gloria Grace Gwen Hannah Heather Heidi Helen Hillary Holly
Ilhan Irene Isabel Jacqueline Jan Jane Janet Janice Jasmine Jeanette Jennifer Jessica Jill Joan Joanna Jodi Josefina
Joy Joyce Juanita Judith Judy Julia Julie Karen Karin Karoline Kate Katherine Kathleen Kathryn Kathy Katie Kelly
Kim Kimberly Kirsten Kristen Kristi Kristin Kristina Lara Latoya Laura Lauren Leah Leticia Lillian Linda Lindsey
Lisa Liz Lori Lorraine Lucia Lucy Luz Lydia Madison Maggie Marcia Margaret Maria Mariana Marie Marilyn Marisa
Marjorie Martha Mary Maura Maxine Megan Melissa Mia Michelle Miriam Molly Monica Muriel Nancy Naomi Natalie Nicole
Nikki Nina Nydia Olivia Pam Pamela Patricia Paula Pauline Peggy Rachel Rebecca Regina Renee Rita Roberta Rosa Rosemary
Ruth Sabrina Samantha Sandra Sara Sarah Sharon Sheila Shirley Sonia Sophia Stacey Stella Stephanie Susan Suzanne
Sylvia Tamara Tammy Tanya Teresa Terri Theresa Tiffany Tina Tracy Tricia Valerie Vanessa Veronica Vi Victoria
Virginia Wanda Wendy Whitney Yolanda Yvette Yvonne Zoe
""".split())
GIVEN_MALE = frozenset("""
Aaron Adam Adrian Alan Albert Alejandro Alex Alexander Alfred Andrew Andy Angel Anthony Antonio Arthur Barack Ben
Benjamin Bernie Bill Billy Blaise Bob Bobby Brad Brandon Brendan Brett Brian Bruce Bryan Byron Carl Carlos Chad
Charles Charlie Chris Christopher Chuck Cory Craig Dan Daniel Danny Darrell David Dean Dennis Derek Donald Doug
Douglas Drew Dwight Eddie Edgar Edward Edwin Eric Ernest Ernesto Felix Fernando Francisco Frank Fred Gabriel Gary
Gavin George Gerald Gilbert Glenn Greg Gregg Gregory Hakeem Harold Harry Hector Henry Howard Hugo Ian Isaac Ivan
Jack Jacob Jaime James Jamie Jared Jason Javier Jay Jeff Jeffrey Jeremy Jerry Jesse Jesus Jim Jimmy Joe Joel John
Johnny Jon Jonathan Jorge Jose Joseph Josh Joshua Juan Julian Justin Keith Ken Kenneth Kevin Kieran Kirk Kyle
Lance Larry Lawrence Lee Leonard Louis Luis Luke Marco Marcus Mario Mark Martin Marty Matt Matthew Max Michael Miguel
Mike Mitch Mitchell Nathan Neil Nicholas Nick Noah Oscar Pablo Patrick Paul Pedro Pete Peter Phil Philip Ralph Ramon
Randy Raul Ray Raymond Ricardo Richard Rick Ricky Rob Robert Roberto Rodney Roger Ron Ronald Ross Roy Russell Ryan
Sam Samuel Scott Sean Sergio Seth Shawn Stephen Steve Steven Stuart Ted Terry Thomas Tim Timothy Todd Tom Tommy Tony
Travis Troy Tyler Victor Vince Vincent Walter Wayne William Willie Xavier Zohran
""".split())
