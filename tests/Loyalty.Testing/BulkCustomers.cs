using System.Globalization;

namespace Loyalty.Testing;

/// <summary>
/// Loads many customers into one tenant with a single INSERT … SELECT generate_series (each with one active card), as
/// the superuser, for plan tests and benchmarks. Names follow Brazilian frequencies: a few first names and surnames are
/// very common (Maria, José, Silva, Santos), most are rare — the case a name search must survive. Rows are numbered,
/// so the same call builds the same data.
/// </summary>
public static class BulkCustomers
{
    private static readonly string[] FirstNames =
    [
        "Maria", "José", "Ana", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
        "Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo", "Manoel",
        "Mateus", "André", "Fernando", "Fábio", "Leonardo", "Gustavo", "Guilherme", "Leandro", "Tiago", "Anderson",
        "Ricardo", "Márcio", "Jorge", "Sebastião", "Alexandre", "Roberto", "Juliana", "Adriana", "Patrícia", "Aline",
        "Sandra", "Camila", "Fernanda", "Letícia", "Conceição", "Raquel", "Vitória", "Wanderlei", "Iraci", "Odete",
    ];

    private static readonly string[] Surnames =
    [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa",
        "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias",
        "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Ramos",
        "Gonçalves", "Santana", "Teixeira", "Araújo", "Pinto", "Correia", "Moura", "Cavalcanti", "Dantas", "Zanetti",
    ];

    private static readonly string[] Syllables = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "xo", "za", "que"];

    public static Task InsertAsync(TestDatabase database, Guid tenantId, int count, IReadOnlyList<Guid> categoryIds,
        IReadOnlyList<Guid> storeIds, int firstRow = 1) =>
        database.Server.ExecuteAsync(database.Name, Sql(tenantId, count, categoryIds, storeIds, firstRow));

    public static string Sql(Guid tenantId, int count, IReadOnlyList<Guid> categoryIds, IReadOnlyList<Guid> storeIds, int firstRow = 1)
    {
        // Pseudo-random but repeatable: u(k) is uniform in [0,1) from the row number; power() skews towards the start
        // of a list, where the common names are. One name in three has a rare invented middle name.
        static string U(int k) => $"((abs(hashint4(i * {k} + {k * 7})) % 100000) / 100000.0)";
        static string Pick(string array, int length, int k, double skew) =>
            $"({array})[1 + floor({length} * power({U(k)}, {skew.ToString(CultureInfo.InvariantCulture)}))::int]";
        var first = Pick(ArrayLiteral(FirstNames), FirstNames.Length, 3, 2.5);
        var middle = $"CASE WHEN i % 3 = 0 THEN ' ' || initcap({Pick(ArrayLiteral(Syllables), Syllables.Length, 5, 1)}"
                     + $" || {Pick(ArrayLiteral(Syllables), Syllables.Length, 7, 1)} || {Pick(ArrayLiteral(Syllables), Syllables.Length, 11, 1)}) ELSE '' END";
        var last = Pick(ArrayLiteral(Surnames), Surnames.Length, 13, 2);
        var last2 = Pick(ArrayLiteral(Surnames), Surnames.Length, 17, 2);
        var categories = $"(ARRAY[{string.Join(",", categoryIds.Select(c => $"'{c}'::uuid"))}])[1 + i % {categoryIds.Count}]";
        var stores = storeIds.Count == 0 ? "NULL::uuid"
            : $"(ARRAY[{string.Join(",", storeIds.Select(s => $"'{s}'::uuid"))}, NULL])[1 + i % {storeIds.Count + 1}]";
        return $"""
            WITH added AS (
                INSERT INTO customers (id, tenant_id, person_type, document, name, gender, category_id, redeem_scope, mobile_phone,
                    email, status, origin, registered_at, registering_store_id, address_city, address_uf)
                SELECT md5('{tenantId}' || i)::uuid, '{tenantId}', 'PF', lpad((90000000000 + i)::text, 11, '0'),
                    {first} || {middle} || ' ' || {last} || ' ' || {last2},
                    'NotInformed', {categories}, 'TitularOnly', '119' || lpad(i::text, 8, '0'),
                    'cliente' || i || '@exemplo.com.br', CASE WHEN i % 33 = 0 THEN 'Inactive' ELSE 'Active' END, 'Import',
                    now() - make_interval(mins => i), {stores}, 'São Paulo', 'SP'
                FROM generate_series({firstRow}, {firstRow + count - 1}) AS i
                RETURNING id, registered_at, document
            )
            INSERT INTO cards (id, tenant_id, customer_id, number, status, was_generated, issued_at)
            SELECT md5('card' || id::text)::uuid, '{tenantId}', id, '7' || right(document, 10) || '00000', 'Active', true, registered_at
            FROM added;
            """;
    }

    private static string ArrayLiteral(IEnumerable<string> values) =>
        "ARRAY[" + string.Join(",", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
}
