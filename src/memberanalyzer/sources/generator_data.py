"""Reference data for the offline generator of randomuser.me-shaped member records.

The generator builds records that match the randomuser.me API (v1.4) field by field by
drawing indices into the tuples below with numpy. This module holds only data, so it
imports nothing beyond the standard library.

Names, cities, states and streets are chosen by hand to look realistic for each country
and are not copied from API responses. The formats follow what v1.4 responses contain:
postcode, phone, cell and id patterns, whether the postcode is a JSON number, titles,
time zones and the shape of usernames. A comment at a profile notes where v1.3 differed
or where the API departs from the country's real format.

Patterns use "#" for one digit 0-9 and "A" for one upper-case letter A-Z. Every other
character, including other letters and digits, is copied literally, so "06-##-##-##-##"
always starts with "06" and "#######T" always ends with "T".
"""

from dataclasses import dataclass

_DEFAULT_MALE_TITLES: tuple[str, ...] = ("Mr",)
_DEFAULT_FEMALE_TITLES: tuple[str, ...] = ("Ms", "Miss", "Mrs")

TITLES: dict[str, tuple[str, ...]] = {
    "male": _DEFAULT_MALE_TITLES,
    "female": _DEFAULT_FEMALE_TITLES,
}
"""name.title values per gender for every nationality except CH, which has its own."""


@dataclass(frozen=True)
class NationalityProfile:
    """Values and formats of one randomuser.me nationality (API parameter ``nat``).

    Attributes:
        code: API nationality code, e.g. "AU".
        country: location.country exactly as the API writes it, in English.
        male_first_names: name.first candidates for gender "male".
        female_first_names: name.first candidates for gender "female".
        last_names: name.last candidates for both genders.
        male_first_names_ascii: e-mail forms of male_first_names, same length and order.
        female_first_names_ascii: e-mail forms of female_first_names, same length and
            order.
        last_names_ascii: e-mail forms of last_names, same length and order.
        cities: location.city candidates.
        states: location.state candidates (states, provinces, regions or counties).
        street_names: location.street.name candidates.
        postcode_pattern: location.postcode pattern.
        postcode_is_number: True where the API sends location.postcode as a JSON number.
            The pattern is then digits only, and a leading zero cannot survive.
        phone_pattern: phone pattern.
        cell_pattern: cell pattern.
        id_name: id.name, or "" where the API sends an empty name.
        id_value_pattern: id.value pattern, or None where the API sends id.value null.
        postcode_pattern_variants: other postcode shapes the API also sends, equally
            valid alternatives to postcode_pattern.
        phone_pattern_variants: other phone shapes the API also sends.
        cell_pattern_variants: other cell shapes the API also sends.
        male_titles: name.title candidates for gender "male".
        female_titles: name.title candidates for gender "female".

    The e-mail forms are lower-case ASCII, as the API builds e-mail local parts
    ("first.last@example.com"). Diacritics are dropped (ø to o, æ to ae, ß to ss, ı to
    i, đ to dj), spaces and dots are removed, and hyphens and apostrophes are kept, so
    "van 't Hof" becomes "van'thof" and "O'Brien" becomes "o'brien".
    """

    code: str
    country: str
    male_first_names: tuple[str, ...]
    female_first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    male_first_names_ascii: tuple[str, ...]
    female_first_names_ascii: tuple[str, ...]
    last_names_ascii: tuple[str, ...]
    cities: tuple[str, ...]
    states: tuple[str, ...]
    street_names: tuple[str, ...]
    postcode_pattern: str
    postcode_is_number: bool
    phone_pattern: str
    cell_pattern: str
    id_name: str
    id_value_pattern: str | None
    postcode_pattern_variants: tuple[str, ...] = ()
    phone_pattern_variants: tuple[str, ...] = ()
    cell_pattern_variants: tuple[str, ...] = ()
    male_titles: tuple[str, ...] = _DEFAULT_MALE_TITLES
    female_titles: tuple[str, ...] = _DEFAULT_FEMALE_TITLES


_AU = NationalityProfile(
    code="AU",
    country="Australia",
    male_first_names=(
        "Jack", "Oliver", "William", "Noah", "Thomas", "James", "Lucas", "Henry",
        "Ethan", "Liam", "Cooper", "Lachlan", "Harrison", "Mitchell", "Hamish", "Angus",
        "Darcy", "Bailey", "Jayden", "Kane", "Brodie", "Callum",
    ),
    female_first_names=(
        "Charlotte", "Olivia", "Amelia", "Isla", "Mia", "Ava", "Grace", "Chloe",
        "Sophie", "Ruby", "Matilda", "Zoe", "Ella", "Sienna", "Harper", "Tahlia",
        "Jasmine", "Kayla", "Brooke", "Georgia", "Lily", "Mackenzie",
    ),
    last_names=(
        "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White",
        "Martin", "Anderson", "Thompson", "Nguyen", "Thomas", "Walker", "Harris", "Lee",
        "Ryan", "Robinson", "Kelly", "King", "Davis", "Wright", "Evans", "Roberts",
        "Green", "Hall", "Wood", "Jackson", "Clarke", "O'Connor",
    ),
    male_first_names_ascii=(
        "jack", "oliver", "william", "noah", "thomas", "james", "lucas", "henry",
        "ethan", "liam", "cooper", "lachlan", "harrison", "mitchell", "hamish", "angus",
        "darcy", "bailey", "jayden", "kane", "brodie", "callum",
    ),
    female_first_names_ascii=(
        "charlotte", "olivia", "amelia", "isla", "mia", "ava", "grace", "chloe",
        "sophie", "ruby", "matilda", "zoe", "ella", "sienna", "harper", "tahlia",
        "jasmine", "kayla", "brooke", "georgia", "lily", "mackenzie",
    ),
    last_names_ascii=(
        "smith", "jones", "williams", "brown", "wilson", "taylor", "johnson", "white",
        "martin", "anderson", "thompson", "nguyen", "thomas", "walker", "harris", "lee",
        "ryan", "robinson", "kelly", "king", "davis", "wright", "evans", "roberts",
        "green", "hall", "wood", "jackson", "clarke", "o'connor",
    ),
    cities=(
        "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart", "Darwin",
        "Canberra", "Gold Coast", "Newcastle", "Wollongong", "Geelong", "Townsville",
        "Cairns", "Ballarat", "Launceston", "Mackay", "Albury", "Wagga Wagga",
        "Bunbury", "Coffs Harbour", "Rockhampton", "Mildura", "Alice Springs",
    ),
    states=(
        "New South Wales", "Victoria", "Queensland", "Western Australia",
        "South Australia", "Tasmania", "Australian Capital Territory",
        "Northern Territory",
    ),
    street_names=(
        "George St", "Pitt St", "Collins St", "Flinders St", "Bourke St", "Hay St",
        "Murray St", "Elizabeth St", "Parramatta Rd", "Pacific Hwy", "Anzac Pde",
        "Beach Rd", "High St", "Station St", "Bridge Rd", "Military Rd", "Oxford St",
        "Swanston St", "King William St", "Brunswick St",
    ),
    # Real Australian postcodes can start with 0 (Northern Territory, e.g. 0800).
    # The API sends those as JSON numbers, so they arrive with three digits.
    postcode_pattern="####",
    postcode_is_number=True,
    phone_pattern="0#-####-####",
    cell_pattern="04##-###-###",
    id_name="TFN",
    id_value_pattern="#########",
)

_BR = NationalityProfile(
    code="BR",
    country="Brazil",
    male_first_names=(
        "João", "Pedro", "Lucas", "Gabriel", "Mateus", "Rafael", "Gustavo", "Felipe",
        "Thiago", "Bruno", "Rodrigo", "Leonardo", "André", "Marcelo", "Vinícius",
        "Caio", "Fábio", "Sérgio", "Márcio", "Otávio", "Heitor", "Joaquim",
    ),
    female_first_names=(
        "Ana", "Maria", "Beatriz", "Juliana", "Larissa", "Fernanda", "Camila",
        "Letícia", "Mariana", "Gabriela", "Luíza", "Bianca", "Débora", "Patrícia",
        "Vitória", "Lívia", "Raquel", "Tatiane", "Cecília", "Isadora", "Aline",
        "Conceição",
    ),
    last_names=(
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves",
        "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho",
        "Almeida", "Lopes", "Araújo", "Fernandes", "Rocha", "Barbosa", "Monteiro",
        "Cardoso", "Gonçalves", "Nascimento", "Magalhães", "Assunção", "da Cruz",
        "da Silva", "Brandão", "Falcão",
    ),
    male_first_names_ascii=(
        "joao", "pedro", "lucas", "gabriel", "mateus", "rafael", "gustavo", "felipe",
        "thiago", "bruno", "rodrigo", "leonardo", "andre", "marcelo", "vinicius",
        "caio", "fabio", "sergio", "marcio", "otavio", "heitor", "joaquim",
    ),
    female_first_names_ascii=(
        "ana", "maria", "beatriz", "juliana", "larissa", "fernanda", "camila",
        "leticia", "mariana", "gabriela", "luiza", "bianca", "debora", "patricia",
        "vitoria", "livia", "raquel", "tatiane", "cecilia", "isadora", "aline",
        "conceicao",
    ),
    last_names_ascii=(
        "silva", "santos", "oliveira", "souza", "rodrigues", "ferreira", "alves",
        "pereira", "lima", "gomes", "costa", "ribeiro", "martins", "carvalho",
        "almeida", "lopes", "araujo", "fernandes", "rocha", "barbosa", "monteiro",
        "cardoso", "goncalves", "nascimento", "magalhaes", "assuncao", "dacruz",
        "dasilva", "brandao", "falcao",
    ),
    cities=(
        "São Paulo", "Rio de Janeiro", "Belo Horizonte", "Salvador", "Fortaleza",
        "Brasília", "Curitiba", "Recife", "Porto Alegre", "Manaus", "Belém", "Goiânia",
        "Florianópolis", "Campinas", "São Luís", "Maceió", "Natal", "Teresina",
        "João Pessoa", "Cuiabá", "Aracaju", "Londrina", "Ribeirão Preto",
        "Santa Bárbara d'Oeste", "Olho d'Água das Flores",
    ),
    states=(
        "Acre", "Alagoas", "Amapá", "Amazonas", "Bahia", "Ceará", "Distrito Federal",
        "Espírito Santo", "Goiás", "Maranhão", "Mato Grosso", "Mato Grosso do Sul",
        "Minas Gerais", "Pará", "Paraíba", "Paraná", "Pernambuco", "Piauí",
        "Rio de Janeiro", "Rio Grande do Norte", "Rio Grande do Sul", "Rondônia",
        "Roraima", "Santa Catarina", "São Paulo", "Sergipe", "Tocantins",
    ),
    street_names=(
        "Rua São João", "Rua Quinze de Novembro", "Rua Sete de Setembro",
        "Avenida Paulista", "Rua Augusta", "Rua Dom Pedro II", "Avenida Brasil",
        "Rua Tiradentes", "Rua das Flores", "Rua da Paz", "Avenida Getúlio Vargas",
        "Rua Santos Dumont", "Rua Rui Barbosa", "Travessa São Francisco",
        "Rua Castro Alves", "Avenida Atlântica", "Rua Marechal Deodoro",
        "Rua Duque de Caxias",
    ),
    # The API sends a five-digit number, although a real CEP has eight digits
    # (#####-###) and can start with 0 (São Paulo city).
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="(##) ####-####",
    cell_pattern="(##) ####-####",
    id_name="CPF",
    id_value_pattern="###.###.###-##",
)

_CA = NationalityProfile(
    code="CA",
    country="Canada",
    male_first_names=(
        "Liam", "Noah", "Ethan", "Benjamin", "Logan", "Jacob", "Owen", "Nathan",
        "Samuel", "Alexander", "Dylan", "Connor", "Tyler", "Brandon", "Justin",
        "Mathieu", "Étienne", "Gabriel", "Félix", "Xavier", "Zachary", "Jean-François",
    ),
    female_first_names=(
        "Emma", "Olivia", "Chloé", "Charlotte", "Léa", "Sophie", "Madison", "Hannah",
        "Abigail", "Emily", "Avery", "Maya", "Brooklyn", "Jessica", "Megan", "Rachel",
        "Camille", "Amélie", "Noémie", "Rosalie", "Kaitlyn", "Marie-Ève",
    ),
    last_names=(
        "Smith", "Brown", "Tremblay", "Martin", "Roy", "Wilson", "MacDonald", "Gagnon",
        "Johnson", "Taylor", "Côté", "Campbell", "Anderson", "Leblanc", "Lee",
        "Bouchard", "Gauthier", "Morin", "Stewart", "Bélanger", "Fortin", "Pelletier",
        "Lévesque", "MacLeod", "Chan", "O'Neill", "Lavoie", "Fraser", "Nadeau",
        "Bergeron",
    ),
    male_first_names_ascii=(
        "liam", "noah", "ethan", "benjamin", "logan", "jacob", "owen", "nathan",
        "samuel", "alexander", "dylan", "connor", "tyler", "brandon", "justin",
        "mathieu", "etienne", "gabriel", "felix", "xavier", "zachary", "jean-francois",
    ),
    female_first_names_ascii=(
        "emma", "olivia", "chloe", "charlotte", "lea", "sophie", "madison", "hannah",
        "abigail", "emily", "avery", "maya", "brooklyn", "jessica", "megan", "rachel",
        "camille", "amelie", "noemie", "rosalie", "kaitlyn", "marie-eve",
    ),
    last_names_ascii=(
        "smith", "brown", "tremblay", "martin", "roy", "wilson", "macdonald", "gagnon",
        "johnson", "taylor", "cote", "campbell", "anderson", "leblanc", "lee",
        "bouchard", "gauthier", "morin", "stewart", "belanger", "fortin", "pelletier",
        "levesque", "macleod", "chan", "o'neill", "lavoie", "fraser", "nadeau",
        "bergeron",
    ),
    cities=(
        "Toronto", "Montréal", "Vancouver", "Calgary", "Edmonton", "Ottawa", "Winnipeg",
        "Québec", "Hamilton", "Kitchener", "London", "Victoria", "Halifax", "Oshawa",
        "Saskatoon", "Regina", "St. John's", "Sherbrooke", "Kelowna", "Barrie",
        "Gatineau", "Trois-Rivières", "Moncton", "Fredericton", "Charlottetown",
        "Lévis",
    ),
    states=(
        "Alberta", "British Columbia", "Manitoba", "New Brunswick",
        "Newfoundland and Labrador", "Nova Scotia", "Ontario", "Prince Edward Island",
        "Québec", "Saskatchewan", "Northwest Territories", "Nunavut", "Yukon",
    ),
    street_names=(
        "Yonge St", "King St W", "Queen St E", "Bloor St W", "Dundas St",
        "Rue Sainte-Catherine", "Boulevard Saint-Laurent", "Rue Sherbrooke",
        "Granville St", "Robson St", "Jasper Ave", "Portage Ave", "Barrington St",
        "Main St", "Wellington St", "Rideau St", "Spadina Ave", "Rue de l'Église",
        "Whyte Ave", "Water St",
    ),
    # v1.4 puts letters into Canadian phone numbers ("A## A##-####"), and v1.3 sent
    # "###-###-####" with an empty id. The API's postcodes use any letter, including
    # D, F, I, O, Q and U, which real Canadian postcodes never use.
    postcode_pattern="A#A #A#",
    postcode_is_number=False,
    phone_pattern="A## A##-####",
    cell_pattern="A## A##-####",
    id_name="SIN",
    id_value_pattern="#########",
)

_CH = NationalityProfile(
    code="CH",
    country="Switzerland",
    male_first_names=(
        "Louis", "Gabriel", "Hugo", "Jules", "Raphaël", "Mathis", "Noah", "Léo",
        "Nathan", "Théo", "Arthur", "Maxime", "Julien", "Baptiste", "Valentin",
        "Bastien", "Loïc", "Cédric", "Yannick", "Jérôme", "Lucien", "Samuel",
    ),
    female_first_names=(
        "Léa", "Chloé", "Camille", "Manon", "Emma", "Zoé", "Inès", "Jade", "Louise",
        "Alice", "Margaux", "Juliette", "Clémence", "Élodie", "Mélanie", "Aurélie",
        "Noémie", "Céline", "Joëlle", "Anaïs", "Maëlys", "Séverine",
    ),
    last_names=(
        "Favre", "Rochat", "Perrin", "Bonvin", "Dubois", "Morel", "Girard", "Fournier",
        "Blanc", "Mercier", "Chevalier", "Robert", "Bernard", "Fontaine", "Dufour",
        "Berger", "Meylan", "Jaquet", "Pittet", "Monnier", "Huguenin", "Vuilleumier",
        "Rey", "Masson", "Bonnard", "Cuénod", "Delacrétaz",
    ),
    male_first_names_ascii=(
        "louis", "gabriel", "hugo", "jules", "raphael", "mathis", "noah", "leo",
        "nathan", "theo", "arthur", "maxime", "julien", "baptiste", "valentin",
        "bastien", "loic", "cedric", "yannick", "jerome", "lucien", "samuel",
    ),
    female_first_names_ascii=(
        "lea", "chloe", "camille", "manon", "emma", "zoe", "ines", "jade", "louise",
        "alice", "margaux", "juliette", "clemence", "elodie", "melanie", "aurelie",
        "noemie", "celine", "joelle", "anais", "maelys", "severine",
    ),
    last_names_ascii=(
        "favre", "rochat", "perrin", "bonvin", "dubois", "morel", "girard", "fournier",
        "blanc", "mercier", "chevalier", "robert", "bernard", "fontaine", "dufour",
        "berger", "meylan", "jaquet", "pittet", "monnier", "huguenin", "vuilleumier",
        "rey", "masson", "bonnard", "cuenod", "delacretaz",
    ),
    cities=(
        "Zürich", "Genève", "Basel", "Lausanne", "Bern", "Winterthur", "Luzern",
        "St. Gallen", "Lugano", "Biel/Bienne", "Thun", "Köniz", "La Chaux-de-Fonds",
        "Fribourg", "Schaffhausen", "Chur", "Neuchâtel", "Sion", "Yverdon-les-Bains",
        "Montreux", "Rapperswil-Jona", "Bellinzona", "Vevey",
    ),
    states=(
        "Zürich", "Bern", "Luzern", "Uri", "Schwyz", "Obwalden", "Nidwalden", "Glarus",
        "Zug", "Fribourg", "Solothurn", "Basel-Stadt", "Basel-Landschaft",
        "Schaffhausen", "Appenzell Ausserrhoden", "Appenzell Innerrhoden", "St. Gallen",
        "Graubünden", "Aargau", "Thurgau", "Ticino", "Vaud", "Valais", "Neuchâtel",
        "Genève", "Jura",
    ),
    street_names=(
        "Rue du Rhône", "Rue de Lausanne", "Avenue de la Gare", "Rue du Marché",
        "Place de la Riponne", "Rue de Bourg", "Chemin des Vignes", "Rue du Lac",
        "Avenue des Alpes", "Rue de la Poste", "Quai du Mont-Blanc", "Rue de l'Hôpital",
        "Route de Berne", "Rue des Granges", "Chemin de la Forêt", "Avenue de Cour",
        "Rue du Temple",
    ),
    # Swiss postcodes run from 1000 to 9658, so none starts with 0. The API uses
    # French-speaking names and French titles for CH.
    postcode_pattern="####",
    postcode_is_number=True,
    phone_pattern="07# ### ## ##",
    cell_pattern="07# ### ## ##",
    id_name="AVS",
    id_value_pattern="756.####.####.##",
    male_titles=("Monsieur",),
    female_titles=("Madame", "Mademoiselle"),
)

_DE = NationalityProfile(
    code="DE",
    country="Germany",
    male_first_names=(
        "Lukas", "Maximilian", "Felix", "Paul", "Jonas", "Leon", "Finn", "Elias", "Tim",
        "Jan", "Niklas", "Tobias", "Florian", "Sebastian", "Matthias", "Stefan",
        "Jürgen", "Uwe", "Wolfgang", "Dieter", "Klaus-Peter", "Björn",
    ),
    female_first_names=(
        "Anna", "Lena", "Leonie", "Hannah", "Lea", "Sophie", "Marie", "Johanna",
        "Katharina", "Laura", "Julia", "Sabine", "Petra", "Ursula", "Monika", "Gisela",
        "Jutta", "Heike", "Birgit", "Annegret", "Anne-Kathrin", "Dörte",
    ),
    last_names=(
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein",
        "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
        "Hofmann", "Hartmann", "Lange", "Weiß", "Köhler", "Groß", "Jäger", "Böhm",
    ),
    male_first_names_ascii=(
        "lukas", "maximilian", "felix", "paul", "jonas", "leon", "finn", "elias", "tim",
        "jan", "niklas", "tobias", "florian", "sebastian", "matthias", "stefan",
        "jurgen", "uwe", "wolfgang", "dieter", "klaus-peter", "bjorn",
    ),
    female_first_names_ascii=(
        "anna", "lena", "leonie", "hannah", "lea", "sophie", "marie", "johanna",
        "katharina", "laura", "julia", "sabine", "petra", "ursula", "monika", "gisela",
        "jutta", "heike", "birgit", "annegret", "anne-kathrin", "dorte",
    ),
    last_names_ascii=(
        "muller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner",
        "becker", "schulz", "hoffmann", "schafer", "koch", "bauer", "richter", "klein",
        "wolf", "schroder", "neumann", "schwarz", "zimmermann", "braun", "kruger",
        "hofmann", "hartmann", "lange", "weiss", "kohler", "gross", "jager", "bohm",
    ),
    cities=(
        "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart",
        "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover",
        "Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Münster",
        "Freiburg im Breisgau", "Frankfurt (Oder)", "Halle (Saale)",
        "Mülheim an der Ruhr", "Görlitz", "Saarbrücken", "Würzburg",
    ),
    states=(
        "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg",
        "Hessen", "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen",
        "Rheinland-Pfalz", "Saarland", "Sachsen", "Sachsen-Anhalt",
        "Schleswig-Holstein", "Thüringen",
    ),
    street_names=(
        "Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße",
        "Bergstraße", "Birkenweg", "Waldstraße", "Kirchstraße", "Mühlenweg",
        "Goethestraße", "Schillerstraße", "Am Sportplatz", "Rosenweg",
        "Friedrich-Ebert-Straße", "Parkstraße", "Buchenweg", "Kastanienallee",
        "Wiesenweg",
    ),
    # Real German postcodes can start with 0 (Saxony, e.g. 01067 Dresden).
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="0###-#######",
    cell_pattern="017#-#######",
    id_name="SVNR",
    id_value_pattern="## ###### A ###",
)

_DK = NationalityProfile(
    code="DK",
    country="Denmark",
    male_first_names=(
        "Mikkel", "Frederik", "Mathias", "Rasmus", "Emil", "Magnus", "Oliver", "Lucas",
        "Christian", "Anders", "Søren", "Jens", "Niels", "Henrik", "Jesper", "Morten",
        "Kasper", "Troels", "Asger", "Bjørn", "Thorbjørn", "Malthe",
    ),
    female_first_names=(
        "Ida", "Freja", "Emma", "Sofie", "Anna", "Mathilde", "Caroline", "Laura",
        "Signe", "Cecilie", "Mette", "Hanne", "Lone", "Karen", "Kirsten", "Birgitte",
        "Maja", "Astrid", "Line", "Malene", "Dorthe", "Gry",
    ),
    last_names=(
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
        "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen",
        "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen",
        "Jakobsen", "Mikkelsen", "Frandsen", "Østergaard", "Dahl", "Lund", "Holm",
        "Bech",
    ),
    male_first_names_ascii=(
        "mikkel", "frederik", "mathias", "rasmus", "emil", "magnus", "oliver", "lucas",
        "christian", "anders", "soren", "jens", "niels", "henrik", "jesper", "morten",
        "kasper", "troels", "asger", "bjorn", "thorbjorn", "malthe",
    ),
    female_first_names_ascii=(
        "ida", "freja", "emma", "sofie", "anna", "mathilde", "caroline", "laura",
        "signe", "cecilie", "mette", "hanne", "lone", "karen", "kirsten", "birgitte",
        "maja", "astrid", "line", "malene", "dorthe", "gry",
    ),
    last_names_ascii=(
        "jensen", "nielsen", "hansen", "pedersen", "andersen", "christensen", "larsen",
        "sorensen", "rasmussen", "jorgensen", "petersen", "madsen", "kristensen",
        "olsen", "thomsen", "poulsen", "johansen", "moller", "mortensen", "knudsen",
        "jakobsen", "mikkelsen", "frandsen", "ostergaard", "dahl", "lund", "holm",
        "bech",
    ),
    cities=(
        "København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding",
        "Horsens", "Vejle", "Roskilde", "Herning", "Hørsholm", "Helsingør", "Silkeborg",
        "Næstved", "Fredericia", "Viborg", "Køge", "Holstebro", "Taastrup", "Slagelse",
        "Hillerød", "Sønderborg", "Svendborg",
    ),
    states=(
        "Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland",
    ),
    street_names=(
        "Vestergade", "Østergade", "Nørregade", "Søndergade", "Algade", "Strandvejen",
        "Kirkevej", "Skovvej", "Møllevej", "Bakkevej", "Engvej", "Stationsvej",
        "Torvet", "Havnegade", "Birkevej", "Violvej", "Åboulevarden", "Kongensgade",
    ),
    # The API sends five digits, although real Danish postcodes have four digits
    # (1000 to 9990).
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="########",
    cell_pattern="########",
    id_name="CPR",
    id_value_pattern="######-####",
)

_ES = NationalityProfile(
    code="ES",
    country="Spain",
    male_first_names=(
        "Antonio", "Manuel", "José", "Francisco", "David", "Juan", "Javier", "Daniel",
        "Carlos", "Jesús", "Alejandro", "Miguel", "Rafael", "Pablo", "Sergio", "Álvaro",
        "Adrián", "Iñaki", "Jordi", "Íñigo", "Óscar", "Rubén",
    ),
    female_first_names=(
        "María", "Carmen", "Ana", "Isabel", "Laura", "Cristina", "Marta", "Lucía",
        "Elena", "Paula", "Sara", "Raquel", "Pilar", "Rocío", "Nuria", "Montserrat",
        "Inmaculada", "Begoña", "Ainhoa", "Irene", "Natalia", "María José",
    ),
    last_names=(
        "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez",
        "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
        "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres",
        "Domínguez", "Ramos", "Gil", "Serrano", "Blanco", "Molina", "Ortega", "Castaño",
    ),
    male_first_names_ascii=(
        "antonio", "manuel", "jose", "francisco", "david", "juan", "javier", "daniel",
        "carlos", "jesus", "alejandro", "miguel", "rafael", "pablo", "sergio", "alvaro",
        "adrian", "inaki", "jordi", "inigo", "oscar", "ruben",
    ),
    female_first_names_ascii=(
        "maria", "carmen", "ana", "isabel", "laura", "cristina", "marta", "lucia",
        "elena", "paula", "sara", "raquel", "pilar", "rocio", "nuria", "montserrat",
        "inmaculada", "begona", "ainhoa", "irene", "natalia", "mariajose",
    ),
    last_names_ascii=(
        "garcia", "rodriguez", "gonzalez", "fernandez", "lopez", "martinez", "sanchez",
        "perez", "gomez", "martin", "jimenez", "ruiz", "hernandez", "diaz", "moreno",
        "munoz", "alvarez", "romero", "alonso", "gutierrez", "navarro", "torres",
        "dominguez", "ramos", "gil", "serrano", "blanco", "molina", "ortega", "castano",
    ),
    cities=(
        "Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia",
        "Palma", "Bilbao", "Alicante", "Córdoba", "Valladolid", "Vigo", "Gijón",
        "L'Hospitalet de Llobregat", "A Coruña", "Vitoria-Gasteiz", "Granada", "Elche",
        "Oviedo", "Santander", "Pamplona", "San Sebastián", "Salamanca", "Cádiz",
        "Logroño",
    ),
    states=(
        "Andalucía", "Aragón", "Asturias", "Islas Baleares", "Canarias", "Cantabria",
        "Castilla y León", "Castilla-La Mancha", "Cataluña", "Comunidad Valenciana",
        "Extremadura", "Galicia", "Comunidad de Madrid", "Región de Murcia", "Navarra",
        "País Vasco", "La Rioja", "Ceuta", "Melilla",
    ),
    street_names=(
        "Calle Mayor", "Gran Vía", "Calle de Alcalá", "Paseo de la Castellana",
        "Calle de Serrano", "Avenida de la Constitución", "Plaza Mayor", "Calle Real",
        "Calle de Atocha", "Ronda de Segovia", "Calle del Carmen",
        "Avenida de Andalucía", "Rambla de Catalunya", "Carrer de Sant Pau",
        "Calle de la Princesa", "Paseo del Prado", "Calle de Bailén",
        "Avenida de América",
    ),
    # Real Spanish postcodes can start with 0 (e.g. 08001 Barcelona).
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="9##-###-###",
    cell_pattern="6##-###-###",
    id_name="DNI",
    id_value_pattern="########-A",
)

_FI = NationalityProfile(
    code="FI",
    country="Finland",
    male_first_names=(
        "Juhani", "Mikko", "Matti", "Jukka", "Timo", "Antti", "Jari", "Pekka", "Ville",
        "Eero", "Aleksi", "Onni", "Eino", "Väinö", "Lauri", "Veeti", "Elias", "Joona",
        "Teemu", "Tuomas", "Arttu", "Sakari",
    ),
    female_first_names=(
        "Aino", "Eevi", "Helmi", "Sofia", "Aada", "Emma", "Venla", "Linnea", "Kaisa",
        "Minna", "Tiina", "Sanna", "Päivi", "Riikka", "Satu", "Johanna", "Anni", "Iida",
        "Elina", "Marjatta", "Hilla", "Siiri",
    ),
    last_names=(
        "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
        "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen",
        "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen",
        "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokela",
        "Lindqvist", "Öhman",
    ),
    male_first_names_ascii=(
        "juhani", "mikko", "matti", "jukka", "timo", "antti", "jari", "pekka", "ville",
        "eero", "aleksi", "onni", "eino", "vaino", "lauri", "veeti", "elias", "joona",
        "teemu", "tuomas", "arttu", "sakari",
    ),
    female_first_names_ascii=(
        "aino", "eevi", "helmi", "sofia", "aada", "emma", "venla", "linnea", "kaisa",
        "minna", "tiina", "sanna", "paivi", "riikka", "satu", "johanna", "anni", "iida",
        "elina", "marjatta", "hilla", "siiri",
    ),
    last_names_ascii=(
        "korhonen", "virtanen", "makinen", "nieminen", "makela", "hamalainen", "laine",
        "heikkinen", "koskinen", "jarvinen", "lehtonen", "lehtinen", "saarinen",
        "salminen", "heinonen", "niemi", "heikkila", "kinnunen", "salonen", "turunen",
        "salo", "laitinen", "tuominen", "rantanen", "karjalainen", "jokela",
        "lindqvist", "ohman",
    ),
    cities=(
        "Helsinki", "Tampere", "Vantaa", "Oulu", "Turku", "Jyväskylä", "Kuopio",
        "Lahti", "Pori", "Kouvola", "Joensuu", "Lappeenranta", "Hämeenlinna", "Vaasa",
        "Seinäjoki", "Rovaniemi", "Mikkeli", "Kotka", "Porvoo", "Kokkola", "Hyvinkää",
        "Lohja", "Järvenpää", "Rauma", "Maarianhamina",
    ),
    states=(
        "Uusimaa", "Southwest Finland", "Satakunta", "Kanta-Häme", "Pirkanmaa",
        "Päijät-Häme", "Kymenlaakso", "South Karelia", "Southern Savonia",
        "Northern Savonia", "North Karelia", "Central Finland", "Southern Ostrobothnia",
        "Ostrobothnia", "Central Ostrobothnia", "North Ostrobothnia", "Kainuu",
        "Lapland", "Åland",
    ),
    street_names=(
        "Mannerheimintie", "Aleksanterinkatu", "Hämeenkatu", "Kauppakatu", "Puistokatu",
        "Rantatie", "Koulukatu", "Kirkkokatu", "Asemakatu", "Satamakatu", "Kalevankatu",
        "Läntinen Pitkäkatu", "Pohjoisesplanadi", "Itäinen Rantakatu", "Koivukuja",
        "Myllytie", "Kuusitie", "Nokiantie",
    ),
    # Real Finnish postcodes can start with 0 (e.g. 00100 Helsinki).
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="0#-###-###",
    cell_pattern="04#-###-##-##",
    id_name="HETU",
    # NOTE: the live API (v1.3 and v1.4) sends the broken value "NaNNA###undefined",
    # which this pattern language cannot express because "A" is not literal. This
    # pattern has the real HETU layout (date, century sign, individual number, check
    # character), but real check characters can also be digits.
    id_value_pattern="######-###A",
)

_FR = NationalityProfile(
    code="FR",
    country="France",
    male_first_names=(
        "Louis", "Gabriel", "Raphaël", "Arthur", "Jules", "Adam", "Lucas", "Hugo",
        "Nathan", "Théo", "Mathéo", "Enzo", "Antoine", "Clément", "Baptiste", "Pierre",
        "Jean", "Michel", "Philippe", "Alain", "François", "Benoît",
    ),
    female_first_names=(
        "Jade", "Louise", "Emma", "Alice", "Chloé", "Lina", "Léna", "Manon", "Camille",
        "Inès", "Sarah", "Juliette", "Pauline", "Margaux", "Éloïse", "Amandine",
        "Sylvie", "Nathalie", "Isabelle", "Brigitte", "Agnès", "Hélène",
    ),
    last_names=(
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
        "Moreau", "Lefèvre", "Leroy", "Roux", "Fournier", "Girard", "Bonnet", "Dupont",
        "Lambert", "Fontaine", "Rousseau", "Vincent", "Faure", "André", "Mercier",
        "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "Legrand", "Perrin",
    ),
    male_first_names_ascii=(
        "louis", "gabriel", "raphael", "arthur", "jules", "adam", "lucas", "hugo",
        "nathan", "theo", "matheo", "enzo", "antoine", "clement", "baptiste", "pierre",
        "jean", "michel", "philippe", "alain", "francois", "benoit",
    ),
    female_first_names_ascii=(
        "jade", "louise", "emma", "alice", "chloe", "lina", "lena", "manon", "camille",
        "ines", "sarah", "juliette", "pauline", "margaux", "eloise", "amandine",
        "sylvie", "nathalie", "isabelle", "brigitte", "agnes", "helene",
    ),
    last_names_ascii=(
        "martin", "bernard", "thomas", "petit", "robert", "richard", "durand", "dubois",
        "moreau", "lefevre", "leroy", "roux", "fournier", "girard", "bonnet", "dupont",
        "lambert", "fontaine", "rousseau", "vincent", "faure", "andre", "mercier",
        "blanc", "guerin", "boyer", "garnier", "chevalier", "legrand", "perrin",
    ),
    cities=(
        "Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Strasbourg",
        "Montpellier", "Bordeaux", "Lille", "Rennes", "Reims", "Saint-Étienne",
        "Le Havre", "Toulon", "Grenoble", "Dijon", "Angers", "Nîmes", "Villeurbanne",
        "Clermont-Ferrand", "Le Mans", "Brest", "Tours", "Amiens", "Limoges",
        "Villeneuve-d'Ascq", "L'Haÿ-les-Roses", "Boulogne-Billancourt", "Besançon",
    ),
    states=(
        "Ain", "Alpes-Maritimes", "Bas-Rhin", "Bouches-du-Rhône", "Calvados",
        "Côte-d'Or", "Côtes-d'Armor", "Essonne", "Finistère", "Gironde",
        "Haute-Garonne", "Haute-Savoie", "Hauts-de-Seine", "Hérault", "Ille-et-Vilaine",
        "Indre-et-Loire", "Isère", "Loire-Atlantique", "Loiret", "Marne",
        "Meurthe-et-Moselle", "Moselle", "Nord", "Paris", "Pas-de-Calais",
        "Puy-de-Dôme", "Rhône", "Savoie", "Seine-Saint-Denis", "Val-d'Oise",
        "Val-de-Marne", "Var", "Vaucluse", "Yvelines",
    ),
    street_names=(
        "Rue de la République", "Rue Victor-Hugo", "Avenue Jean-Jaurès",
        "Rue Nationale", "Boulevard Gambetta", "Rue du Château", "Place de l'Église",
        "Rue Pasteur", "Rue de la Gare", "Avenue du Général-de-Gaulle",
        "Rue des Écoles", "Rue Saint-Michel", "Quai de la Tournelle",
        "Rue de l'Abbé-Grégoire", "Impasse des Lilas", "Cours Mirabeau",
        "Rue Paul-Bert", "Rue Voltaire",
    ),
    # Real French postcodes can start with 0 (Ain, e.g. 01000 Bourg-en-Bresse).
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="0#-##-##-##-##",
    cell_pattern="06-##-##-##-##",
    id_name="INSEE",
    # v1.3 sent broken INSEE values that start with "1NNaN" or "2NNaN". v1.4 sends
    # 13 digits, a space and 2 digits.
    id_value_pattern="############# ##",
)

_GB = NationalityProfile(
    code="GB",
    country="United Kingdom",
    male_first_names=(
        "Oliver", "Harry", "George", "Jack", "Charlie", "Thomas", "Oscar", "William",
        "James", "Alfie", "Joshua", "Daniel", "Samuel", "Archie", "Freddie", "Callum",
        "Rhys", "Ewan", "Alistair", "Rory", "Owain", "Kieran",
    ),
    female_first_names=(
        "Olivia", "Amelia", "Isla", "Emily", "Poppy", "Ava", "Jessica", "Lily",
        "Sophie", "Grace", "Freya", "Evie", "Ruby", "Eleanor", "Phoebe", "Imogen",
        "Niamh", "Eilidh", "Siân", "Harriet", "Beatrice", "Rosie",
    ),
    last_names=(
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
        "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts",
        "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Lewis",
        "Patel", "Khan", "Campbell", "MacKenzie", "Fletcher", "Ashworth", "Pritchard",
    ),
    male_first_names_ascii=(
        "oliver", "harry", "george", "jack", "charlie", "thomas", "oscar", "william",
        "james", "alfie", "joshua", "daniel", "samuel", "archie", "freddie", "callum",
        "rhys", "ewan", "alistair", "rory", "owain", "kieran",
    ),
    female_first_names_ascii=(
        "olivia", "amelia", "isla", "emily", "poppy", "ava", "jessica", "lily",
        "sophie", "grace", "freya", "evie", "ruby", "eleanor", "phoebe", "imogen",
        "niamh", "eilidh", "sian", "harriet", "beatrice", "rosie",
    ),
    last_names_ascii=(
        "smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies",
        "robinson", "wright", "thompson", "evans", "walker", "white", "roberts",
        "green", "hall", "wood", "jackson", "clarke", "hughes", "edwards", "lewis",
        "patel", "khan", "campbell", "mackenzie", "fletcher", "ashworth", "pritchard",
    ),
    cities=(
        "London", "Birmingham", "Manchester", "Leeds", "Glasgow", "Liverpool",
        "Edinburgh", "Bristol", "Sheffield", "Cardiff", "Belfast", "Leicester",
        "Nottingham", "Newcastle upon Tyne", "Southampton", "Brighton and Hove",
        "Swansea", "York", "Norwich", "King's Lynn", "Bishop's Stortford",
        "Stoke-on-Trent", "Milton Keynes", "St Albans", "Inverness",
    ),
    states=(
        "Greater London", "West Midlands", "Greater Manchester", "West Yorkshire",
        "Merseyside", "South Yorkshire", "Tyne and Wear", "Kent", "Essex", "Hampshire",
        "Surrey", "Lancashire", "Devon", "Cornwall", "Norfolk", "Suffolk", "Cumbria",
        "Somerset", "Dorset", "Oxfordshire", "Cambridgeshire", "Lincolnshire",
        "Highland", "Aberdeenshire", "Gwynedd", "Powys", "County Antrim", "County Down",
    ),
    street_names=(
        "High Street", "Station Road", "Church Lane", "Park Road", "London Road",
        "Mill Lane", "Queen's Road", "King's Road", "The Green", "Manor Road",
        "School Lane", "Chapel Street", "Springfield Road", "Albert Road", "New Street",
        "Green Lane", "St John's Road", "Westgate",
    ),
    # The API's GB postcodes come in all six outward-code shapes with random letters.
    postcode_pattern="AA# #AA",
    postcode_is_number=False,
    phone_pattern="01#### #####",
    cell_pattern="07### ######",
    id_name="NINO",
    id_value_pattern="AA ## ## ## A",
    postcode_pattern_variants=("A# #AA", "A## #AA", "A#A #AA", "AA## #AA", "AA#A #AA"),
    phone_pattern_variants=("01### #####", "0## #### ####"),
)

_IE = NationalityProfile(
    code="IE",
    country="Ireland",
    male_first_names=(
        "Seán", "Conor", "Cian", "Oisín", "Darragh", "Patrick", "Liam", "Ciarán",
        "Eoin", "Niall", "Fionn", "Tadhg", "Cillian", "Donal", "Ruairí", "Pádraig",
        "Colm", "Declan", "Ronan", "Shane", "Diarmuid", "Kevin",
    ),
    female_first_names=(
        "Aoife", "Siobhán", "Niamh", "Róisín", "Saoirse", "Caoimhe", "Clodagh",
        "Gráinne", "Orla", "Sinéad", "Aisling", "Ciara", "Emer", "Máire", "Éabha",
        "Deirdre", "Fiadh", "Sadhbh", "Muireann", "Bríd", "Mary", "Nuala",
    ),
    last_names=(
        "Murphy", "Kelly", "O'Sullivan", "Walsh", "Smith", "O'Brien", "Byrne", "Ryan",
        "O'Connor", "O'Neill", "O'Reilly", "Doyle", "McCarthy", "Gallagher",
        "O'Doherty", "Kennedy", "Lynch", "Murray", "Quinn", "Moore", "McLoughlin",
        "O'Carroll", "Connolly", "Daly", "Ó Súilleabháin", "Mac Giolla Phádraig",
    ),
    male_first_names_ascii=(
        "sean", "conor", "cian", "oisin", "darragh", "patrick", "liam", "ciaran",
        "eoin", "niall", "fionn", "tadhg", "cillian", "donal", "ruairi", "padraig",
        "colm", "declan", "ronan", "shane", "diarmuid", "kevin",
    ),
    female_first_names_ascii=(
        "aoife", "siobhan", "niamh", "roisin", "saoirse", "caoimhe", "clodagh",
        "grainne", "orla", "sinead", "aisling", "ciara", "emer", "maire", "eabha",
        "deirdre", "fiadh", "sadhbh", "muireann", "brid", "mary", "nuala",
    ),
    last_names_ascii=(
        "murphy", "kelly", "o'sullivan", "walsh", "smith", "o'brien", "byrne", "ryan",
        "o'connor", "o'neill", "o'reilly", "doyle", "mccarthy", "gallagher",
        "o'doherty", "kennedy", "lynch", "murray", "quinn", "moore", "mcloughlin",
        "o'carroll", "connolly", "daly", "osuilleabhain", "macgiollaphadraig",
    ),
    cities=(
        "Dublin", "Cork", "Limerick", "Galway", "Waterford", "Drogheda", "Dundalk",
        "Swords", "Bray", "Navan", "Kilkenny", "Ennis", "Carlow", "Tralee", "Naas",
        "Athlone", "Portlaoise", "Mullingar", "Wexford", "Letterkenny", "Sligo",
        "Clonmel", "Celbridge", "Castlebar", "Dún Laoghaire", "Ballina", "Killarney",
    ),
    states=(
        "Carlow", "Cavan", "Clare", "Cork", "Donegal", "Dublin", "Galway", "Kerry",
        "Kildare", "Kilkenny", "Laois", "Leitrim", "Limerick", "Longford", "Louth",
        "Mayo", "Meath", "Monaghan", "Offaly", "Roscommon", "Sligo", "Tipperary",
        "Waterford", "Westmeath", "Wexford", "Wicklow",
    ),
    street_names=(
        "O'Connell Street", "Grafton Street", "Henry Street", "Patrick Street",
        "Shop Street", "Main Street", "Church Road", "Dame Street", "Baggot Street",
        "Parnell Square", "Eyre Square", "Quay Street", "Mary Street", "Merrion Road",
        "Strand Road", "St. Stephen's Green", "Abbey Street", "Pearse Street",
    ),
    # The API sends a five-digit number, although real Irish Eircodes are
    # alphanumeric (e.g. "D02 X285").
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="0#1-###-####",
    cell_pattern="081-###-####",
    id_name="PPS",
    id_value_pattern="#######T",
)

_IN = NationalityProfile(
    code="IN",
    country="India",
    male_first_names=(
        "Aarav", "Vivaan", "Aditya", "Arjun", "Rohan", "Rahul", "Amit", "Vikram",
        "Sanjay", "Rajesh", "Suresh", "Anil", "Karan", "Nikhil", "Siddharth", "Pranav",
        "Ishaan", "Kabir", "Harsh", "Yash", "Manish", "Deepak",
    ),
    female_first_names=(
        "Aanya", "Diya", "Priya", "Ananya", "Pooja", "Neha", "Sneha", "Kavya", "Riya",
        "Anjali", "Shreya", "Divya", "Meera", "Lakshmi", "Sunita", "Aishwarya", "Isha",
        "Nandini", "Pallavi", "Swati", "Tanvi", "Radhika",
    ),
    last_names=(
        "Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Shah", "Reddy", "Rao",
        "Nair", "Menon", "Iyer", "Pillai", "Mehta", "Joshi", "Desai", "Kulkarni",
        "Chopra", "Malhotra", "Kapoor", "Banerjee", "Chatterjee", "Mukherjee", "Das",
        "Bose", "Khan", "Agarwal", "Naidu", "Bhat", "Saxena",
    ),
    male_first_names_ascii=(
        "aarav", "vivaan", "aditya", "arjun", "rohan", "rahul", "amit", "vikram",
        "sanjay", "rajesh", "suresh", "anil", "karan", "nikhil", "siddharth", "pranav",
        "ishaan", "kabir", "harsh", "yash", "manish", "deepak",
    ),
    female_first_names_ascii=(
        "aanya", "diya", "priya", "ananya", "pooja", "neha", "sneha", "kavya", "riya",
        "anjali", "shreya", "divya", "meera", "lakshmi", "sunita", "aishwarya", "isha",
        "nandini", "pallavi", "swati", "tanvi", "radhika",
    ),
    last_names_ascii=(
        "sharma", "verma", "gupta", "singh", "kumar", "patel", "shah", "reddy", "rao",
        "nair", "menon", "iyer", "pillai", "mehta", "joshi", "desai", "kulkarni",
        "chopra", "malhotra", "kapoor", "banerjee", "chatterjee", "mukherjee", "das",
        "bose", "khan", "agarwal", "naidu", "bhat", "saxena",
    ),
    cities=(
        "Mumbai", "Delhi", "Bengaluru", "Hyderabad", "Ahmedabad", "Chennai", "Kolkata",
        "Pune", "Jaipur", "Surat", "Lucknow", "Kanpur", "Nagpur", "Indore", "Bhopal",
        "Visakhapatnam", "Patna", "Vadodara", "Ludhiana", "Agra", "Nashik",
        "Coimbatore", "Kochi", "Mysuru", "Thiruvananthapuram",
    ),
    states=(
        "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa",
        "Gujarat", "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala",
        "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland",
        "Odisha", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura",
        "Uttar Pradesh", "Uttarakhand", "West Bengal", "Delhi",
    ),
    street_names=(
        "MG Rd", "Station Rd", "Nehru Rd", "Park St", "Church St", "Mall Rd", "Ring Rd",
        "Brigade Rd", "Linking Rd", "Residency Rd", "Hill Rd", "Tilak Marg",
        "Subhash Marg", "Gandhi Rd", "Temple Rd", "Lake Rd", "Market Rd", "College Rd",
    ),
    # The API sends a five-digit number, although a real Indian PIN has six digits
    # and never starts with 0.
    # The five-digit postcode and the leading 9 of phone and cell come from a single
    # v1.4 record.
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="9#########",
    cell_pattern="9#########",
    id_name="UIDAI",
    id_value_pattern="############",
)

_IR = NationalityProfile(
    code="IR",
    country="Iran",
    male_first_names=(
        "محمد", "علی", "حسین", "رضا", "مهدی", "امیر", "حسن", "مصطفی", "سینا", "آرمین",
        "پارسا", "کیان", "آرش", "بهرام", "کوروش", "داریوش", "سهیل", "نیما", "میلاد",
        "پوریا", "امیرحسین", "ماهان",
    ),
    female_first_names=(
        "فاطمه", "زهرا", "مریم", "سارا", "نرگس", "لیلا", "ریحانه", "نازنین", "یاسمن",
        "پریا", "مهسا", "الناز", "شیرین", "ترانه", "آیدا", "نگار", "هستی", "رها",
        "کیمیا", "بهاره", "سمیرا", "مهتاب",
    ),
    last_names=(
        "محمدی", "حسینی", "احمدی", "رضایی", "موسوی", "کریمی", "جعفری", "صادقی", "رحیمی",
        "هاشمی", "قاسمی", "نوری", "کاظمی", "اکبری", "یزدانی", "طاهری", "شریفی", "عباسی",
        "سلیمانی", "مرادی", "فرهادی", "نجفی", "زارعی", "امینی", "کامرانی", "رستمی",
        "بهرامی", "پاکزاد",
    ),
    male_first_names_ascii=(
        "mhmd", "aly", "hsyn", "rz", "mhdy", "amyr", "hsn", "mstfy", "syn", "armyn",
        "prs", "kyn", "arsh", "bhrm", "kvrvsh", "dryvsh", "shyl", "nym", "myld", "pvry",
        "amyrhsyn", "mhn",
    ),
    female_first_names_ascii=(
        "ftmh", "zhr", "mrym", "sr", "nrgs", "lyl", "ryhnh", "nznyn", "ysmn", "pry",
        "mhs", "alnz", "shyryn", "trnh", "ayd", "ngr", "hsty", "rh", "kymy", "bhrh",
        "smyr", "mhtb",
    ),
    last_names_ascii=(
        "mhmdy", "hsyny", "ahmdy", "rzyy", "mvsvy", "krymy", "jfry", "sdghy", "rhymy",
        "hshmy", "ghsmy", "nvry", "kzmy", "akbry", "yzdny", "thry", "shryfy", "absy",
        "slymny", "mrdy", "frhdy", "njfy", "zry", "amyny", "kmrny", "rstmy", "bhrmy",
        "pkzd",
    ),
    cities=(
        "تهران", "مشهد", "اصفهان", "شیراز", "تبریز", "قم", "اهواز", "کرمانشاه",
        "ارومیه", "رشت", "زاهدان", "همدان", "کرمان", "یزد", "اردبیل", "بندرعباس",
        "اراک", "زنجان", "سنندج", "قزوین", "خرم\u200cآباد", "گرگان", "ساری", "بوشهر",
        "کاشان",
    ),
    states=(
        "تهران", "اصفهان", "فارس", "خراسان رضوی", "خراسان شمالی", "خراسان جنوبی",
        "آذربایجان شرقی", "آذربایجان غربی", "اردبیل", "البرز", "ایلام", "بوشهر",
        "چهارمحال و بختیاری", "خوزستان", "زنجان", "سمنان", "سیستان و بلوچستان", "قزوین",
        "قم", "کردستان", "کرمان", "کرمانشاه", "کهگیلویه و بویراحمد", "گلستان", "گیلان",
        "لرستان", "مازندران", "مرکزی", "هرمزگان", "همدان", "یزد",
    ),
    street_names=(
        "انقلاب", "آزادی", "ولیعصر", "شریعتی", "فردوسی", "حافظ", "سعدی", "کارگر",
        "جمهوری اسلامی", "امام خمینی", "مطهری", "بهشتی", "طالقانی", "شهید چمران",
        "نواب صفوی", "ستارخان", "پاسداران", "دماوند", "کریمخان زند", "مولوی",
    ),
    # The API sends a five-digit number, although real Iranian postcodes have ten
    # digits (#####-#####). Names, cities, states and streets are Persian in Arabic
    # script while country stays "Iran". The ASCII forms follow the API's e-mail
    # style, letter by letter with no short vowels and no medial or final alef, so
    # "سارا" becomes "sr".
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="0##-########",
    cell_pattern="09##-###-####",
    id_name="",
    id_value_pattern=None,
)

_MX = NationalityProfile(
    code="MX",
    country="Mexico",
    male_first_names=(
        "José", "Juan", "Luis", "Carlos", "Miguel", "Jorge", "Alejandro", "Francisco",
        "Fernando", "Ricardo", "Eduardo", "Javier", "Roberto", "Sergio", "Arturo",
        "Raúl", "Héctor", "Andrés", "Joaquín", "Rubén", "Emiliano", "Santiago",
    ),
    female_first_names=(
        "María", "Guadalupe", "Juana", "Margarita", "Verónica", "Leticia", "Rosa",
        "Alejandra", "Gabriela", "Fernanda", "Ximena", "Valeria", "Daniela", "Mariana",
        "Lucía", "Sofía", "Itzel", "Paola", "Adriana", "Araceli", "Beatriz", "Xóchitl",
    ),
    last_names=(
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez",
        "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes",
        "Jiménez", "Torres", "Díaz", "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz",
        "Moreno", "Castillo", "Romero", "Chávez", "Núñez",
    ),
    male_first_names_ascii=(
        "jose", "juan", "luis", "carlos", "miguel", "jorge", "alejandro", "francisco",
        "fernando", "ricardo", "eduardo", "javier", "roberto", "sergio", "arturo",
        "raul", "hector", "andres", "joaquin", "ruben", "emiliano", "santiago",
    ),
    female_first_names_ascii=(
        "maria", "guadalupe", "juana", "margarita", "veronica", "leticia", "rosa",
        "alejandra", "gabriela", "fernanda", "ximena", "valeria", "daniela", "mariana",
        "lucia", "sofia", "itzel", "paola", "adriana", "araceli", "beatriz", "xochitl",
    ),
    last_names_ascii=(
        "hernandez", "garcia", "martinez", "lopez", "gonzalez", "perez", "rodriguez",
        "sanchez", "ramirez", "cruz", "flores", "gomez", "morales", "vazquez", "reyes",
        "jimenez", "torres", "diaz", "gutierrez", "ruiz", "mendoza", "aguilar", "ortiz",
        "moreno", "castillo", "romero", "chavez", "nunez",
    ),
    cities=(
        "Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Tijuana", "León",
        "Ciudad Juárez", "Zapopan", "Mérida", "San Luis Potosí", "Aguascalientes",
        "Querétaro", "Hermosillo", "Saltillo", "Mexicali", "Culiacán", "Chihuahua",
        "Morelia", "Toluca", "Cancún", "Oaxaca de Juárez", "Veracruz",
        "Tuxtla Gutiérrez", "Xalapa", "San Pedro Garza García",
        "Dolores Hidalgo Cuna de la Independencia Nacional",
    ),
    states=(
        "Aguascalientes", "Baja California", "Baja California Sur", "Campeche",
        "Chiapas", "Chihuahua", "Coahuila", "Colima", "Durango", "Guanajuato",
        "Guerrero", "Hidalgo", "Jalisco", "Estado de México", "Michoacán", "Morelos",
        "Nayarit", "Nuevo León", "Oaxaca", "Puebla", "Querétaro", "Quintana Roo",
        "San Luis Potosí", "Sinaloa", "Sonora", "Tabasco", "Tamaulipas", "Tlaxcala",
        "Veracruz", "Yucatán", "Zacatecas", "Ciudad de México",
    ),
    street_names=(
        "Calle Hidalgo", "Avenida Juárez", "Calle Morelos", "Calle 5 de Mayo",
        "Avenida Insurgentes Sur", "Paseo de la Reforma", "Calle Allende",
        "Privada Guerrero", "Callejón del Beso", "Avenida Revolución", "Calle Zaragoza",
        "Andador Independencia", "Cerrada Niños Héroes", "Calle 16 de Septiembre",
        "Boulevard Adolfo López Mateos", "Calzada de Tlalpan", "Avenida Vallarta",
    ),
    # Real Mexican postcodes can start with 0 (e.g. 01000 in Mexico City).
    # The leading 6 of phone and cell comes from 12 numbers in v1.4 responses.
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="(6##) ### ####",
    cell_pattern="(6##) ### ####",
    id_name="NSS",
    id_value_pattern="## ## ## #### #",
)

_NL = NationalityProfile(
    code="NL",
    country="Netherlands",
    male_first_names=(
        "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Jesse", "Bram", "Thijs",
        "Ruben", "Lars", "Stijn", "Sander", "Joost", "Maarten", "Pieter", "Wouter",
        "Jeroen", "Bas", "Hendrik", "Gijs", "Teun",
    ),
    female_first_names=(
        "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Fenna",
        "Lotte", "Anouk", "Femke", "Sanne", "Eline", "Marloes", "Ilse", "Annelies",
        "Inge", "Wilhelmina", "Noor", "Roos", "Saskia",
    ),
    last_names=(
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker",
        "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
        "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
        "Dijkstra", "Smits", "de Graaf", "van der Meer", "van 't Hof", "Kuipers",
        "Verhoeven",
    ),
    male_first_names_ascii=(
        "daan", "sem", "lucas", "levi", "finn", "milan", "jesse", "bram", "thijs",
        "ruben", "lars", "stijn", "sander", "joost", "maarten", "pieter", "wouter",
        "jeroen", "bas", "hendrik", "gijs", "teun",
    ),
    female_first_names_ascii=(
        "emma", "julia", "mila", "tess", "sophie", "zoe", "sara", "nora", "fenna",
        "lotte", "anouk", "femke", "sanne", "eline", "marloes", "ilse", "annelies",
        "inge", "wilhelmina", "noor", "roos", "saskia",
    ),
    last_names_ascii=(
        "dejong", "jansen", "devries", "vandenberg", "vandijk", "bakker", "janssen",
        "visser", "smit", "meijer", "deboer", "mulder", "degroot", "bos", "vos",
        "peters", "hendriks", "vanleeuwen", "dekker", "brouwer", "dewit", "dijkstra",
        "smits", "degraaf", "vandermeer", "van'thof", "kuipers", "verhoeven",
    ),
    cities=(
        "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen",
        "Tilburg", "Almere", "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem",
        "Enschede", "Amersfoort", "Zaanstad", "'s-Hertogenbosch", "Zwolle", "Leiden",
        "Maastricht", "Dordrecht", "Leeuwarden", "Delft", "Alkmaar", "'s-Gravenzande",
    ),
    states=(
        "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg",
        "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland",
        "Zuid-Holland",
    ),
    street_names=(
        "Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg", "Julianastraat",
        "Beatrixlaan", "Wilhelminastraat", "Stationsweg", "Nieuwstraat", "Markt",
        "Raadhuisplein", "Prinsengracht", "Herengracht", "Oranjestraat", "Kastanjelaan",
        "Industrieweg", "Van Goghstraat", "Lindenlaan", "Eikenlaan",
    ),
    # v1.3 sent NL postcodes as five-digit numbers and phones as "(###)-###-####".
    postcode_pattern="#### AA",
    postcode_is_number=False,
    phone_pattern="(0###) ######",
    cell_pattern="(06) ########",
    id_name="BSN",
    id_value_pattern="########",
    phone_pattern_variants=("(0##) #######",),
)

_NO = NationalityProfile(
    code="NO",
    country="Norway",
    male_first_names=(
        "Jakob", "Emil", "Noah", "Oliver", "Filip", "William", "Lucas", "Henrik",
        "Sander", "Magnus", "Ole", "Lars", "Knut", "Arne", "Terje", "Geir", "Øyvind",
        "Håkon", "Sindre", "Eirik", "Torstein", "Jørgen",
    ),
    female_first_names=(
        "Nora", "Emma", "Ella", "Sofie", "Ingrid", "Astrid", "Sigrid", "Thea", "Maja",
        "Vilde", "Ingeborg", "Kari", "Solveig", "Ragnhild", "Tone", "Hege", "Marit",
        "Åse", "Silje", "Ida", "Synnøve", "Live",
    ),
    last_names=(
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
        "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg",
        "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen",
        "Halvorsen", "Henriksen", "Lund", "Sørensen", "Bakken", "Solberg", "Strand",
        "Moen", "Ødegård",
    ),
    male_first_names_ascii=(
        "jakob", "emil", "noah", "oliver", "filip", "william", "lucas", "henrik",
        "sander", "magnus", "ole", "lars", "knut", "arne", "terje", "geir", "oyvind",
        "hakon", "sindre", "eirik", "torstein", "jorgen",
    ),
    female_first_names_ascii=(
        "nora", "emma", "ella", "sofie", "ingrid", "astrid", "sigrid", "thea", "maja",
        "vilde", "ingeborg", "kari", "solveig", "ragnhild", "tone", "hege", "marit",
        "ase", "silje", "ida", "synnove", "live",
    ),
    last_names_ascii=(
        "hansen", "johansen", "olsen", "larsen", "andersen", "pedersen", "nilsen",
        "kristiansen", "jensen", "karlsen", "johnsen", "pettersen", "eriksen", "berg",
        "haugen", "hagen", "johannessen", "andreassen", "jacobsen", "dahl", "jorgensen",
        "halvorsen", "henriksen", "lund", "sorensen", "bakken", "solberg", "strand",
        "moen", "odegard",
    ),
    cities=(
        "Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Fredrikstad",
        "Kristiansand", "Sandnes", "Tromsø", "Sarpsborg", "Skien", "Ålesund",
        "Sandefjord", "Haugesund", "Tønsberg", "Moss", "Porsgrunn", "Bodø", "Arendal",
        "Hamar", "Larvik", "Halden", "Lillehammer", "Molde", "Harstad", "Gjøvik",
    ),
    states=(
        "Østfold", "Akershus", "Oslo", "Hedmark", "Oppland", "Buskerud", "Vestfold",
        "Telemark", "Aust-Agder", "Vest-Agder", "Rogaland", "Hordaland",
        "Sogn og Fjordane", "Møre og Romsdal", "Sør-Trøndelag", "Nord-Trøndelag",
        "Nordland", "Troms", "Finnmark",
    ),
    street_names=(
        "Storgata", "Kirkegata", "Kongens gate", "Dronningens gate", "Karl Johans gate",
        "Parkveien", "Skolegata", "Jernbanegata", "Strandgata", "Bjørkeveien",
        "Granveien", "Furuveien", "Løkkeveien", "Solbakken", "Torggata", "Møllergata",
        "Prinsens gate", "Bygdøy allé",
    ),
    # The API keeps NO postcodes as strings, so leading zeros survive (Oslo is 0xxx).
    # The states are the 19 counties in use until 2018, which v1.4 still sends.
    postcode_pattern="####",
    postcode_is_number=False,
    phone_pattern="########",
    cell_pattern="4#######",
    id_name="FN",
    id_value_pattern="###########",
    cell_pattern_variants=("9#######",),
)

_NZ = NationalityProfile(
    code="NZ",
    country="New Zealand",
    male_first_names=(
        "Oliver", "Jack", "Noah", "Leo", "George", "Charlie", "Lucas", "William",
        "Hunter", "Mason", "Thomas", "Liam", "Nikau", "Tama", "Wiremu", "Hemi", "Tāne",
        "Ari", "Blake", "Finn", "Hamish", "Rāwiri",
    ),
    female_first_names=(
        "Isla", "Charlotte", "Amelia", "Olivia", "Mia", "Harper", "Ella", "Sophie",
        "Aria", "Ruby", "Zoe", "Mila", "Aroha", "Anahera", "Kaia", "Mereana", "Ngaio",
        "Hana", "Lucy", "Maia", "Frankie", "Tūī",
    ),
    last_names=(
        "Smith", "Williams", "Brown", "Wilson", "Taylor", "Jones", "Anderson",
        "Thompson", "Walker", "Harris", "Ngata", "Parata", "Tipene", "Te Huia",
        "Henare", "Karaka", "Campbell", "Stewart", "Robertson", "Clark", "Martin",
        "Mitchell", "Young", "Scott", "King", "Hughes",
    ),
    male_first_names_ascii=(
        "oliver", "jack", "noah", "leo", "george", "charlie", "lucas", "william",
        "hunter", "mason", "thomas", "liam", "nikau", "tama", "wiremu", "hemi", "tane",
        "ari", "blake", "finn", "hamish", "rawiri",
    ),
    female_first_names_ascii=(
        "isla", "charlotte", "amelia", "olivia", "mia", "harper", "ella", "sophie",
        "aria", "ruby", "zoe", "mila", "aroha", "anahera", "kaia", "mereana", "ngaio",
        "hana", "lucy", "maia", "frankie", "tui",
    ),
    last_names_ascii=(
        "smith", "williams", "brown", "wilson", "taylor", "jones", "anderson",
        "thompson", "walker", "harris", "ngata", "parata", "tipene", "tehuia", "henare",
        "karaka", "campbell", "stewart", "robertson", "clark", "martin", "mitchell",
        "young", "scott", "king", "hughes",
    ),
    cities=(
        "Auckland", "Wellington", "Christchurch", "Hamilton", "Tauranga", "Napier",
        "Nelson", "Rotorua", "New Plymouth", "Hastings", "Invercargill", "Whanganui",
        "Gisborne", "Timaru", "Blenheim", "Masterton", "Queenstown", "Taupō", "Levin",
        "Ashburton", "Lower Hutt", "Porirua", "Pukekohe",
    ),
    states=(
        "Northland", "Auckland", "Waikato", "Bay of Plenty", "Gisborne", "Hawke's Bay",
        "Taranaki", "Manawatū-Whanganui", "Wellington", "Tasman", "Nelson",
        "Marlborough", "West Coast", "Canterbury", "Otago", "Southland",
    ),
    street_names=(
        "Queen Street", "Lambton Quay", "Colombo Street", "Cuba Street",
        "Ponsonby Road", "Karangahape Road", "Great North Road", "Dominion Road",
        "Tay Street", "Devonport Road", "Cameron Road", "Hardy Street",
        "Emerson Street", "Marine Parade", "Beach Road", "Manners Street",
        "Tinakori Road", "Riddiford Street",
    ),
    # The API sends five digits, although real New Zealand postcodes have four and
    # can start with 0 (Northland, e.g. 0110).
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="(###)-###-####",
    cell_pattern="(###)-###-####",
    id_name="",
    id_value_pattern=None,
)

_RS = NationalityProfile(
    code="RS",
    country="Serbia",
    male_first_names=(
        "Marko", "Nikola", "Stefan", "Luka", "Aleksandar", "Miloš", "Nemanja", "Đorđe",
        "Dušan", "Vuk", "Filip", "Lazar", "Milan", "Dragan", "Zoran", "Vladimir",
        "Bojan", "Dejan", "Goran", "Uroš", "Branislav", "Vojislav",
    ),
    female_first_names=(
        "Milica", "Jelena", "Ana", "Marija", "Jovana", "Teodora", "Katarina", "Dragana",
        "Ivana", "Tijana", "Snežana", "Mirjana", "Sanja", "Nevena", "Anđela", "Sofija",
        "Dunja", "Ljiljana", "Vesna", "Gordana", "Biljana", "Jasmina",
    ),
    last_names=(
        "Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Stojanović",
        "Ilić", "Stanković", "Pavlović", "Milošević", "Popović", "Janković",
        "Todorović", "Kostić", "Živković", "Ristić", "Lazić", "Savić", "Mitrović",
        "Obradović", "Kovačević", "Radovanović", "Simić", "Tomić", "Lukić", "Vasić",
        "Marić", "Babić",
    ),
    male_first_names_ascii=(
        "marko", "nikola", "stefan", "luka", "aleksandar", "milos", "nemanja",
        "djordje", "dusan", "vuk", "filip", "lazar", "milan", "dragan", "zoran",
        "vladimir", "bojan", "dejan", "goran", "uros", "branislav", "vojislav",
    ),
    female_first_names_ascii=(
        "milica", "jelena", "ana", "marija", "jovana", "teodora", "katarina", "dragana",
        "ivana", "tijana", "snezana", "mirjana", "sanja", "nevena", "andjela", "sofija",
        "dunja", "ljiljana", "vesna", "gordana", "biljana", "jasmina",
    ),
    last_names_ascii=(
        "jovanovic", "petrovic", "nikolic", "markovic", "djordjevic", "stojanovic",
        "ilic", "stankovic", "pavlovic", "milosevic", "popovic", "jankovic",
        "todorovic", "kostic", "zivkovic", "ristic", "lazic", "savic", "mitrovic",
        "obradovic", "kovacevic", "radovanovic", "simic", "tomic", "lukic", "vasic",
        "maric", "babic",
    ),
    cities=(
        "Beograd", "Novi Sad", "Niš", "Kragujevac", "Subotica", "Zrenjanin", "Pančevo",
        "Čačak", "Kraljevo", "Smederevo", "Leskovac", "Valjevo", "Kruševac", "Vranje",
        "Šabac", "Užice", "Sombor", "Požarevac", "Pirot", "Zaječar", "Kikinda",
        "Sremska Mitrovica", "Jagodina", "Vršac", "Novi Pazar", "Gornji Milanovac",
    ),
    states=(
        "Belgrade", "North Bačka", "Central Banat", "North Banat", "South Banat",
        "West Bačka", "South Bačka", "Srem", "Mačva", "Kolubara", "Podunavlje",
        "Braničevo", "Šumadija", "Pomoravlje", "Bor", "Zaječar", "Zlatibor", "Moravica",
        "Raška", "Rasina", "Nišava", "Toplica", "Pirot", "Jablanica", "Pčinja",
    ),
    street_names=(
        "Kneza Miloša", "Bulevar oslobođenja", "Njegoševa", "Karađorđeva",
        "Cara Dušana", "Vojvode Mišića", "Nemanjina", "Takovska", "Svetog Save",
        "Kralja Petra Prvog", "Bulevar kralja Aleksandra", "Vuka Karadžića",
        "Dositejeva", "Jovana Cvijića", "Branka Radičevića", "Kralja Milana",
        "Hajduk Veljkova",
    ),
    # The API writes Serbian in Latin script, with the districts in English as states.
    # Real Serbian postcodes have five digits and do not start with 0.
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="0##-####-###",
    cell_pattern="06#-####-###",
    id_name="SID",
    id_value_pattern="#########",
)

_TR = NationalityProfile(
    code="TR",
    country="Turkey",
    male_first_names=(
        "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail",
        "Osman", "Yusuf", "Murat", "Emre", "Burak", "Can", "Cem", "Deniz", "Barış",
        "Oğuz", "Serkan", "Tolga", "Uğur", "Çağrı",
    ),
    female_first_names=(
        "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife",
        "Sultan", "Hanife", "Merve", "Büşra", "Esra", "Derya", "Gülşen", "Özlem",
        "Pınar", "Seda", "Tuğba", "Yasemin", "Ebru", "Gizem",
    ),
    last_names=(
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk",
        "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç",
        "Kurt", "Özkan", "Şimşek", "Polat", "Korkmaz", "Karataş", "Erdoğan", "Güneş",
        "Aksoy", "Bulut",
    ),
    male_first_names_ascii=(
        "mehmet", "mustafa", "ahmet", "ali", "huseyin", "hasan", "ibrahim", "ismail",
        "osman", "yusuf", "murat", "emre", "burak", "can", "cem", "deniz", "baris",
        "oguz", "serkan", "tolga", "ugur", "cagri",
    ),
    female_first_names_ascii=(
        "fatma", "ayse", "emine", "hatice", "zeynep", "elif", "meryem", "serife",
        "sultan", "hanife", "merve", "busra", "esra", "derya", "gulsen", "ozlem",
        "pinar", "seda", "tugba", "yasemin", "ebru", "gizem",
    ),
    last_names_ascii=(
        "yilmaz", "kaya", "demir", "sahin", "celik", "yildiz", "yildirim", "ozturk",
        "aydin", "ozdemir", "arslan", "dogan", "kilic", "aslan", "cetin", "kara", "koc",
        "kurt", "ozkan", "simsek", "polat", "korkmaz", "karatas", "erdogan", "gunes",
        "aksoy", "bulut",
    ),
    cities=(
        "İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya", "Adana",
        "Gaziantep", "Şanlıurfa", "Kocaeli", "Mersin", "Diyarbakır", "Kayseri",
        "Eskişehir", "Samsun", "Denizli", "Malatya", "Trabzon", "Erzurum", "Van",
        "Batman", "Elazığ", "Sivas", "Manisa", "Balıkesir", "Tekirdağ", "Çorum",
        "Muğla",
    ),
    states=(
        "Adana", "Ankara", "Antalya", "Artvin", "Aydın", "Bartın", "Bolu", "Bursa",
        "Çanakkale", "Denizli", "Düzce", "Edirne", "Giresun", "Gümüşhane", "Iğdır",
        "Isparta", "İstanbul", "İzmir", "Kars", "Kastamonu", "Kırıkkale", "Kırşehir",
        "Kütahya", "Muş", "Nevşehir", "Niğde", "Ordu", "Rize", "Sinop", "Tokat", "Uşak",
        "Yozgat", "Zonguldak",
    ),
    street_names=(
        "Cumhuriyet Cd", "İstiklal Cd", "Bağdat Cd", "Fevzi Çakmak Cd", "İnönü Cd",
        "Kıbrıs Şehitleri Cd", "Barbaros Blv", "Menekşe Sk", "Lale Sk", "Gül Sk",
        "Papatya Sk", "Çınar Sk", "Okul Sk", "Çeşme Sk", "Kazım Karabekir Cd",
        "Şehit Ömer Halisdemir Cd", "Hürriyet Cd", "Zübeyde Hanım Cd",
    ),
    # Real Turkish postcodes start with the two-digit province number, so they can
    # start with 0 (e.g. 06000 Ankara).
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="(###)-###-####",
    cell_pattern="(###)-###-####",
    id_name="",
    id_value_pattern=None,
)

_UA = NationalityProfile(
    code="UA",
    country="Ukraine",
    male_first_names=(
        "Олександр", "Андрій", "Дмитро", "Сергій", "Володимир", "Микола", "Іван",
        "Юрій", "Олег", "Богдан", "Тарас", "Максим", "Віталій", "Ярослав", "Степан",
        "Назар", "Остап", "Василь", "Петро", "Роман", "Євген", "Ігор",
    ),
    female_first_names=(
        "Олена", "Наталія", "Ірина", "Тетяна", "Оксана", "Ольга", "Світлана", "Юлія",
        "Марія", "Анна", "Катерина", "Галина", "Людмила", "Соломія", "Дарина",
        "Вікторія", "Софія", "Христина", "Мирослава", "Ярослава", "Леся", "Зоряна",
    ),
    last_names=(
        "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник",
        "Шевчук", "Поліщук", "Бойко", "Коваль", "Мельник", "Кравчук", "Лисенко",
        "Руденко", "Савченко", "Петренко", "Мороз", "Марченко", "Ковальчук", "Гуменюк",
        "Павленко", "Левченко", "Гончаренко", "Симоненко", "Зозуля", "Яковенко",
    ),
    # ASCII forms follow the official Ukrainian transliteration table of 2010.
    male_first_names_ascii=(
        "oleksandr", "andrii", "dmytro", "serhii", "volodymyr", "mykola", "ivan",
        "yurii", "oleh", "bohdan", "taras", "maksym", "vitalii", "yaroslav", "stepan",
        "nazar", "ostap", "vasyl", "petro", "roman", "yevhen", "ihor",
    ),
    female_first_names_ascii=(
        "olena", "nataliia", "iryna", "tetiana", "oksana", "olha", "svitlana", "yuliia",
        "mariia", "anna", "kateryna", "halyna", "liudmyla", "solomiia", "daryna",
        "viktoriia", "sofiia", "khrystyna", "myroslava", "yaroslava", "lesia",
        "zoriana",
    ),
    last_names_ascii=(
        "shevchenko", "kovalenko", "bondarenko", "tkachenko", "kravchenko", "oliinyk",
        "shevchuk", "polishchuk", "boiko", "koval", "melnyk", "kravchuk", "lysenko",
        "rudenko", "savchenko", "petrenko", "moroz", "marchenko", "kovalchuk",
        "humeniuk", "pavlenko", "levchenko", "honcharenko", "symonenko", "zozulia",
        "yakovenko",
    ),
    cities=(
        "Київ", "Харків", "Одеса", "Дніпро", "Львів", "Запоріжжя", "Кривий Ріг",
        "Миколаїв", "Вінниця", "Полтава", "Чернігів", "Черкаси", "Суми", "Житомир",
        "Хмельницький", "Івано-Франківськ", "Тернопіль", "Луцьк", "Ужгород",
        "Кропивницький", "Кам'янець-Подільський", "Біла Церква", "Чернівці",
        "Кам'янське",
    ),
    states=(
        "Вінницька", "Волинська", "Дніпропетровська", "Донецька", "Житомирська",
        "Закарпатська", "Запорізька", "Івано-Франківська", "Київська", "Кіровоградська",
        "Луганська", "Львівська", "Миколаївська", "Одеська", "Полтавська", "Рівненська",
        "Сумська", "Тернопільська", "Харківська", "Херсонська", "Хмельницька",
        "Черкаська", "Чернівецька", "Чернігівська",
    ),
    street_names=(
        "вулиця Шевченка", "вулиця Грушевського", "проспект Перемоги",
        "вулиця Івана Франка", "бульвар Лесі Українки", "вулиця Сагайдачного",
        "вулиця Садова", "провулок Шкільний", "вулиця Миру", "вулиця Соборна",
        "проспект Свободи", "вулиця Богдана Хмельницького", "площа Ринок",
        "вулиця Героїв Майдану", "вулиця Гоголя", "вулиця Дорошенка", "Хрещатик",
        "вулиця Січових Стрільців",
    ),
    # Real Ukrainian postcodes can start with 0 (e.g. 01001 Kyiv). The API puts a
    # letter into UA phone numbers, and the "09" prefix comes from 4 numbers.
    # NOTE: the only v1.4 UA records available were in Latin transliteration. This
    # profile uses Ukrainian Cyrillic, with oblasts as adjectives ("Львівська").
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="(09#) A##-####",
    cell_pattern="(09#) A##-####",
    id_name="",
    id_value_pattern=None,
)

_US = NationalityProfile(
    code="US",
    country="United States",
    male_first_names=(
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph",
        "Thomas", "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark",
        "Steven", "Andrew", "Joshua", "Kevin", "Brian", "Tyler", "Darnell", "José",
    ),
    female_first_names=(
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan",
        "Jessica", "Sarah", "Nancy", "Lisa", "Betty", "Margaret", "Sandra", "Ashley",
        "Kimberly", "Emily", "Donna", "Michelle", "Dorothy", "Carol", "LaToya",
        "Amanda",
    ),
    last_names=(
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
        "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "O'Brien",
    ),
    male_first_names_ascii=(
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph",
        "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark",
        "steven", "andrew", "joshua", "kevin", "brian", "tyler", "darnell", "jose",
    ),
    female_first_names_ascii=(
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
        "jessica", "sarah", "nancy", "lisa", "betty", "margaret", "sandra", "ashley",
        "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "latoya",
        "amanda",
    ),
    last_names_ascii=(
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis",
        "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson",
        "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson",
        "white", "harris", "sanchez", "clark", "ramirez", "lewis", "o'brien",
    ),
    cities=(
        "New York City", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia",
        "San Antonio", "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville",
        "Columbus", "Indianapolis", "Seattle", "Denver", "Nashville", "Oklahoma City",
        "Louisville", "Milwaukee", "Albuquerque", "Tucson", "Fresno", "Sacramento",
        "Kansas City", "Coeur d'Alene", "Washington, D.C.", "Winston-Salem",
        "St. Louis", "Port St. Lucie",
    ),
    states=(
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado",
        "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois",
        "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
        "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
        "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
        "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
        "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
        "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    ),
    street_names=(
        "Main St", "Oak St", "Pine St", "Maple Ave", "Cedar Ln", "Elm St",
        "Washington Ave", "Lake Rd", "Park Ave", "Sunset Blvd", "Ridge Rd",
        "Lincoln Ave", "Mill Rd", "Jefferson Ave", "Highland Ave", "Cherry Ln",
        "Meadow Ln", "Broadway", "W Campbell Ave", "N Main St", "S Grand Ave",
        "E Pecan St", "Martin Luther King Jr Blvd",
    ),
    # Real ZIP codes can start with 0 (New England, e.g. 02108 Boston). v1.3 wrote
    # US phones as "(###)-###-####".
    postcode_pattern="#####",
    postcode_is_number=True,
    phone_pattern="(###) ###-####",
    cell_pattern="(###) ###-####",
    id_name="SSN",
    id_value_pattern="###-##-####",
)


NATIONALITIES: tuple[NationalityProfile, ...] = (
    _AU, _BR, _CA, _CH, _DE, _DK, _ES, _FI, _FR, _GB, _IE, _IN,
    _IR, _MX, _NL, _NO, _NZ, _RS, _TR, _UA, _US,
)
"""All 21 nationalities that randomuser.me v1.4 offers, sorted by code."""

# NOTE: inferred from 672 API records (v1.3 and v1.4), which contain exactly these 30
# pairs and none east of +11:00.
TIMEZONES: tuple[tuple[str, str], ...] = (
    ("-12:00", "Eniwetok, Kwajalein"),
    ("-11:00", "Midway Island, Samoa"),
    ("-10:00", "Hawaii"),
    ("-9:00", "Alaska"),
    ("-8:00", "Pacific Time (US & Canada)"),
    ("-7:00", "Mountain Time (US & Canada)"),
    ("-6:00", "Central Time (US & Canada), Mexico City"),
    ("-5:00", "Eastern Time (US & Canada), Bogota, Lima"),
    ("-4:00", "Atlantic Time (Canada), Caracas, La Paz"),
    ("-3:30", "Newfoundland"),
    ("-3:00", "Brazil, Buenos Aires, Georgetown"),
    ("-2:00", "Mid-Atlantic"),
    ("-1:00", "Azores, Cape Verde Islands"),
    ("0:00", "Western Europe Time, London, Lisbon, Casablanca"),
    ("+1:00", "Brussels, Copenhagen, Madrid, Paris"),
    ("+2:00", "Kaliningrad, South Africa"),
    ("+3:00", "Baghdad, Riyadh, Moscow, St. Petersburg"),
    ("+3:30", "Tehran"),
    ("+4:00", "Abu Dhabi, Muscat, Baku, Tbilisi"),
    ("+4:30", "Kabul"),
    ("+5:00", "Ekaterinburg, Islamabad, Karachi, Tashkent"),
    ("+5:30", "Bombay, Calcutta, Madras, New Delhi"),
    ("+5:45", "Kathmandu"),
    ("+6:00", "Almaty, Dhaka, Colombo"),
    ("+7:00", "Bangkok, Hanoi, Jakarta"),
    ("+8:00", "Beijing, Perth, Singapore, Hong Kong"),
    ("+9:00", "Tokyo, Seoul, Osaka, Sapporo, Yakutsk"),
    ("+9:30", "Adelaide, Darwin"),
    ("+10:00", "Eastern Australia, Guam, Vladivostok"),
    ("+11:00", "Magadan, Solomon Islands, New Caledonia"),
)
"""location.timezone (offset, description) pairs, sorted by offset.

The API writes the offset as [sign]H:MM with no sign for "0:00" and draws the time zone
independently of the nationality.
"""

USERNAME_ADJECTIVES: tuple[str, ...] = (
    "angry", "bad", "beautiful", "big", "black", "blue", "brave", "brown", "busy",
    "calm", "clever", "crazy", "dark", "eager", "fancy", "fast", "fierce", "gentle",
    "golden", "gray", "green", "happy", "heavy", "jolly", "kind", "lazy", "little",
    "lucky", "mighty", "orange", "proud", "purple", "quiet", "red", "sad", "shy",
    "silly", "silver", "small", "tiny", "white", "wild", "yellow",
)
"""First part of login.username: adjective, noun and three digits ("quietotter512")."""

USERNAME_NOUNS: tuple[str, ...] = (
    "bear", "bird", "buffalo", "butterfly", "cat", "crab", "dog", "dolphin", "duck",
    "eagle", "elephant", "fish", "fox", "frog", "goat", "goose", "gorilla", "horse",
    "koala", "ladybug", "leopard", "lion", "lizard", "meerkat", "monkey", "mouse",
    "otter", "owl", "panda", "parrot", "peacock", "penguin", "rabbit", "rat", "shark",
    "snake", "swan", "tiger", "turtle", "wolf", "zebra",
)
"""Second part of login.username."""

PASSWORDS: tuple[str, ...] = (
    "111111", "123456", "abc123", "access", "angel", "apple", "asdfgh", "bailey",
    "banana", "baseball", "batman", "buster", "cheese", "chelsea", "chicken", "coffee",
    "cookie", "cowboy", "dakota", "diamond", "dragon", "eagle", "family", "flower",
    "football", "freedom", "ginger", "golfer", "guitar", "hammer", "hello", "hockey",
    "hunter", "iloveyou", "jordan", "killer", "letmein", "lovely", "maggie", "master",
    "matrix", "merlin", "money", "monkey", "mustang", "orange", "pepper", "phoenix",
    "pirate", "princess", "purple", "qwerty", "rabbit", "rainbow", "ranger", "secret",
    "shadow", "silver", "soccer", "starwars", "summer", "sunshine", "superman",
    "thunder", "tigger", "trustno1", "whatever", "winter", "yankees", "zxcvbn",
)
"""login.password candidates: common words and weak passwords, at most 8 characters."""
