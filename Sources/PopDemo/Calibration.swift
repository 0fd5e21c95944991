import PopCalendar

/// The published figures the demo borough is calibrated to: Barnet's "performance on a page"
/// for January 2019 (with November and December where the report gives them), and the flows
/// around them. These are fixture data, typed from the seed report; the simulator builds a
/// history that reproduces them exactly under the data contract's definitions.
enum Calibration {
    static let firstMonth = YearMonth(year: 2018, month: 2)!
    static let lastMonth = YearMonth(year: 2019, month: 1)!
    static var reportDate: Day { lastMonth.last }

    // MARK: front door

    /// Contacts per month, April 2017 to January 2019. 2018-19: April–October sum to
    /// 13,738 − (1,567 + 1,224 + 1,365) = 9,582.
    static let contactsPerMonth: [Int] = [
        1_240, 1_310, 1_290, 1_330, 1_080, 1_300, 1_350, 1_420, 1_150, 1_280, 1_310, 1_270,  // Apr 2017 – Mar 2018
        1_350, 1_400, 1_380, 1_420, 1_150, 1_432, 1_450, 1_567, 1_224, 1_365,                // Apr 2018 – Jan 2019
    ]
    static let contactsFirstMonth = YearMonth(year: 2017, month: 4)!
    /// Share of contacts decided within one working day.
    static let contactDecisionWithin1WD = 0.59

    /// Referrals per month, April 2016 to January 2019 (List 3 reaches back a year before the
    /// financial year for re-referrals). 2018-19 YTD: 2,888; November 345, December 248, January 249.
    static let referralsPerMonth: [Int] = [
        270, 285, 280, 295, 240, 275, 300, 310, 250, 265, 280, 290,  // Apr 2016 – Mar 2017
        280, 290, 275, 300, 245, 285, 305, 320, 255, 270, 285, 295,  // Apr 2017 – Mar 2018
        290, 300, 285, 310, 250, 300, 311, 345, 248, 249,            // Apr 2018 – Jan 2019
    ]
    static let referralsFirstMonth = YearMonth(year: 2016, month: 4)!
    /// Re-referrals among 2018-19's referrals to January: 620 of 2,888 (21%).
    static let rereferralsYTD = 620
    static let rereferralShareOtherYears = 0.20
    /// Referral sources of 2018-19's referrals to January, as the report gives them.
    static let sourcesYTD: [(String, Int)] = [("police", 1_000), ("education", 708), ("health", 436), ("la_services", 451), ("other", 293)]

    // MARK: assessments and S47

    /// Assessments authorised in January 2019 by team (the report's "Assessments by Team").
    static let assessmentTeamsJanuary: [(String, Int)] = [
        ("0-25 Service", 2), ("Duty & Assessment Team 1", 40), ("Duty & Assessment Team 2", 63), ("Duty & Assessment Team 3", 55),
        ("Duty & Assessment Team 4", 63), ("Intervention & Planning Team 1", 4), ("Intervention & Planning Team 2", 5),
        ("Intervention & Planning Team 3", 9), ("Intervention & Planning Team 4", 9), ("Intervention & Planning Team 5", 17),
        ("Intervention & Planning Team 6", 10), ("Intervention & Planning Team 7", 3), ("REACH", 5), ("", 5),
    ]
    /// Of January's 290: 251 within 45 working days, 279 with the child seen.
    static let assessmentsWithin45January = 251
    static let assessmentsSeenJanuary = 279
    static let assessmentsOtherMonths = 250...300

    /// Section 47 enquiries started in January 2019 by team (the report's "Section 47 by Team").
    static let section47TeamsJanuary: [(String, Int)] = [
        ("Duty & Assessment Team 1", 11), ("Duty & Assessment Team 2", 2), ("Duty & Assessment Team 3", 19),
        ("Duty & Assessment Team 4", 3), ("Intervention & Planning Team 3", 3), ("Intervention & Planning Team 5", 2),
        ("Intervention & Planning Team 7", 6),
    ]
    static let section47sOtherMonths = 35...55

    // MARK: child protection

    /// Children on plans at each month end, April 2016 to January 2019: 161 at 31 March 2018
    /// (159 − 194 starts + 196 ends), then the report's 178, 167 and 159 for November to January.
    static let cpOpen: [Int] = [
        168, 170, 167, 171, 169, 166, 168, 170, 167, 165, 166, 168,  // Apr 2016 – Mar 2017
        170, 167, 164, 166, 163, 162, 165, 167, 163, 160, 162, 161,  // Apr 2017 – Mar 2018
        165, 170, 172, 168, 171, 176, 180, 178, 167, 159,            // Apr 2018 – Jan 2019
    ]
    /// Plans started each month; 2018-19 sums to 194 (178 to November and 190 to December, as
    /// the report's "New Registrations" column has it).
    static let cpStarts: [Int] = [
        19, 18, 17, 21, 16, 17, 20, 20, 15, 16, 19, 20,
        20, 16, 15, 20, 16, 17, 21, 20, 14, 15, 20, 17,
        22, 19, 25, 18, 20, 28, 26, 20, 12, 4,
    ]
    static let cpFirstMonth = YearMonth(year: 2016, month: 4)!
    /// Plans that ended in 2018-19 after two years or more: 3 of 196 (1.5%). Each is held open
    /// from its start in early 2016 until its month here.
    static let cpLongPlansEnd: [YearMonth] = [YearMonth(year: 2018, month: 6)!, YearMonth(year: 2018, month: 9)!, YearMonth(year: 2018, month: 12)!]
    /// Children on plans at 31 January 2019 by latest category of abuse.
    static let cpCategoriesJanuary: [(String, Int)] = [("Emotional abuse", 84), ("Neglect", 56), ("Physical abuse", 17), ("Sexual abuse", 2)]
    /// By team: (cases, visited within 10 working days), summing to 159 and 113 (71%). The
    /// report's "Child Protection Visits on Time" table; its OTHER row split across two teams.
    static let cpTeamsJanuary: [(String, Int, Int)] = [
        ("Intervention & Planning Team 1", 23, 17), ("Intervention & Planning Team 2", 12, 9),
        ("Intervention & Planning Team 3", 28, 24), ("Intervention & Planning Team 4", 21, 12),
        ("Intervention & Planning Team 5", 17, 13), ("Intervention & Planning Team 6", 29, 13),
        ("Intervention & Planning Team 7", 11, 9), ("Duty & Assessment Team 2", 10, 9), ("0-25 Service", 8, 7),
    ]
    /// Visits in time at the end of February to December 2018: a slow decline to January's 71%
    /// (the report's sketch has 68.9% for December).
    static let cpVisitsInTimeEarlier: [Double] = [0.80, 0.78, 0.82, 0.79, 0.76, 0.74, 0.77, 0.75, 0.73, 0.70, 0.689]
    /// 49 children under 5 at 31 January 2019, 38 of them visited in time (78%); 4 are unborn.
    static let cpUnder5January = 49
    static let cpUnder5InTimeJanuary = 38
    static let cpUnbornJanuary = 4
    /// Seen alone at the last visit: 66 of 159 (42%).
    static let cpSeenAloneJanuary = 66

    // MARK: children in care

    /// Children in care: the 316 of 31 January 2019 are built to specification; the others come
    /// and go around them so that 321 and 323 are in care at the end of November and December.
    static let claFirstMonth = YearMonth(year: 2017, month: 4)!
    static let claInCareJanuary = 316
    /// Of January's 316, how many started before April 2017 (215: 175 by 31 July 2016, 40 after),
    /// then per month from April 2017 (35 to January 2018, so 250 had been in care 12 months).
    static let claStartedByJuly2016 = 175
    static let claStartedAug2016ToMar2017 = 40
    static let claPermanentStarts: [Int] = [3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5]
    static let claTransientStarts: [Int] = [7, 8, 7, 8, 7, 7, 8, 7, 8, 7, 7, 8, 7, 8, 7, 7, 8, 7, 8, 7, 7, 0]
    /// Others in care at each month end (April 2017 – January 2019): falling to the 16 and 12
    /// that make November's 321 and December's 323, and none by January.
    static let claTransientOpen: [Int] = [91, 87, 83, 79, 75, 71, 67, 63, 59, 55, 51, 47, 44, 40, 36, 32, 28, 24, 20, 16, 12, 0]
    static let claTransientAtStart = 95
    /// Legal status of January's 316 (UASC among the section 20s and care orders).
    static let claLegalJanuary: [(String, Int)] = [
        ("C1 - Interim care order", 52), ("C2 - Full care order", 126), ("V2 - Section 20 single period", 120),
        ("E1 - Placement order granted", 12), ("L2 - Emergency protection order", 4), ("J2 - Remanded to LA accommodation", 1),
        ("", 1),
    ]
    static let claUASCJanuary = 62
    static let claUASCOnCareOrders = 3
    /// Under 16 and in care 2½ years: 129, of whom 74 in the same placement 2 years (57.4%).
    static let claStabilityCohortJanuary = 129
    static let claStableJanuary = 74
    /// Three or more placements in 12 months: 30 of 316 (9.5%).
    static let claThreePlusJanuary = 30
    /// Visited within 42 days: 281 of 316 (89%).
    static let claVisitsInTimeJanuary = 281
    /// Of the 250 in care 12 months: 241 with a health assessment (96.4%) and 164 with a dental
    /// check (65.6%) in the last 12 months.
    static let claHealthJanuary = 241
    static let claDentalJanuary = 164
    /// Placed in borough: 150 of 316 (47.5%).
    static let claInBoroughJanuary = 150
    static let claTeamsJanuary: [(String, Int)] = [
        ("Children in Care Team 1", 60), ("Children in Care Team 2", 58), ("Children in Care Team 3", 63),
        ("Onwards & Upwards", 41), ("Intervention & Planning Team 1", 10), ("Intervention & Planning Team 2", 9),
        ("Intervention & Planning Team 3", 10), ("Intervention & Planning Team 4", 8), ("Intervention & Planning Team 5", 10),
        ("Intervention & Planning Team 6", 11), ("Intervention & Planning Team 7", 10), ("Duty & Assessment Team 1", 2),
        ("Duty & Assessment Team 2", 2), ("Duty & Assessment Team 3", 2), ("Duty & Assessment Team 4", 1),
        ("0-25 Service", 13), ("REACH", 6),
    ]

    // MARK: children in need

    static let cinFirstMonth = YearMonth(year: 2017, month: 4)!
    /// Children on CIN plans at each month end, April 2017 – January 2019 (548 in January).
    static let cinOpen: [Int] = [
        610, 615, 622, 618, 600, 605, 612, 620, 598, 590, 596, 601,
        605, 611, 618, 609, 590, 584, 579, 560, 524, 548,
    ]
    static let cinStarts: [Int] = [
        80, 84, 86, 78, 70, 82, 88, 86, 70, 76, 80, 82,
        84, 86, 88, 78, 68, 80, 82, 72, 60, 86,
    ]
    /// Seen within 20 working days at 31 January 2019: 395 of 548 (72%).
    static let cinVisitsInTimeJanuary = 395
    /// CIN visits in time at the end of February to December 2018.
    static let cinVisitsInTimeEarlier: [Double] = [0.78, 0.76, 0.80, 0.77, 0.75, 0.74, 0.73, 0.75, 0.72, 0.70, 0.69]

    // MARK: care leavers

    /// Care leavers at 31 January 2019 by age, and the 19–21s' EET (106 of 157), suitable
    /// accommodation (151 of 157), in touch (235 of 265) and higher education (23).
    static let careLeaverAgesJanuary: [(Int, Int)] = [(18, 79), (19, 77), (20, 52), (21, 28), (22, 29)]
    static let careLeaversEET19to21 = 106
    static let careLeaversSuitable19to21 = 151
    static let careLeaversInTouch = 235
    static let careLeaversHigherEducation = 23
    static let careLeaversHigherEducation19to21 = 18
    /// Care leavers whose service ended (at 21) during February 2018 – January 2019.
    static let careLeaversLeftDuringYear = 30

    // MARK: youth offending

    static let yotFirstMonth = YearMonth(year: 2017, month: 4)!
    /// Open orders at each month end, April 2017 – January 2019 (77 in January 2018, 65 in
    /// January 2019 as the report says).
    static let yotOpen: [Int] = [80, 79, 81, 78, 76, 77, 79, 78, 76, 77, 75, 74, 73, 74, 72, 71, 70, 72, 71, 69, 66, 65]
    static let yotStarts: [Int] = [8, 7, 9, 6, 6, 8, 8, 7, 6, 8, 6, 6, 7, 8, 6, 7, 6, 9, 7, 6, 6, 9]
    static let yotOpenAtStart = 80
    /// First-time entrants in January 2019: 8.
    static let yotFirstTimeEntrantsJanuary = 8
    /// Custodial sentences in 2018-19 to January: 5.
    static let yotCustodyYTD = 5
    /// Of January's 65 open orders: 48 statutory, 15 of them intensive (31%); 39 confirmed gang
    /// members (60%).
    static let yotStatutoryJanuary = 48
    static let yotIntensiveJanuary = 15
    static let yotGangJanuary = 39
    /// Orders ended October–December 2018, and how many of them in ETE at the end: 14 of 25 (56%).
    static let yotETEPreviousQuarter = 14

    // MARK: the whole pack (Barnet's January 2019 pack beyond the page)

    /// Early Help assessments started per month, April 2017 to January 2019: 2018-19 to
    /// January 1,374, with November 160, December 100 and January 260 as the pack has them.
    static let earlyHelpStarts: [Int] = [
        110, 118, 121, 97, 84, 115, 124, 120, 96, 118, 115, 120,   // Apr 2017 – Mar 2018
        120, 125, 118, 110, 95, 140, 146, 160, 100, 260,           // Apr 2018 – Jan 2019
    ]
    static let earlyHelpFirstMonth = YearMonth(year: 2017, month: 4)!
    /// Open at 31 January 2019 by time since the start: 0–3, 3–6, 6–9, 9–12 months, a year and over.
    static let earlyHelpOpenJanuary: [Int] = [435, 134, 95, 90, 73]
    /// Closed in January 2019: the pack's closure reasons count 93.
    static let earlyHelpCompletedJanuary = 93
    /// Lead professionals' organisations, weighted by the pack's January column.
    static let earlyHelpOrganisations: [(String, Int)] = [
        ("East Central Locality", 188), ("West Locality", 213), ("South Locality", 124), ("0-19 Service", 2),
        ("Central Education Support Team", 1), ("Children's Centre", 45), ("Education Setting", 182), ("PVI", 3),
        ("Social Care", 12), ("Voluntary Sector", 21), ("Youth and Family Resilience Team", 13), ("", 21),
    ]

    /// January's 290 assessments by working days to authorisation: 0–25, 26–40, 41–45, 46+.
    static let assessmentDaysJanuary: [Int] = [144, 87, 20, 39]

    /// Children on CIN plans at 31 January 2019 by case-holding team (the pack's chart, as
    /// Barnet's teams hold them).
    static let cinTeamsJanuary: [(String, Int)] = [
        ("Intervention & Planning Team 1", 54), ("Intervention & Planning Team 2", 56), ("Intervention & Planning Team 3", 52),
        ("Intervention & Planning Team 4", 58), ("Intervention & Planning Team 5", 55), ("Intervention & Planning Team 6", 53),
        ("Intervention & Planning Team 7", 52), ("Duty & Assessment Team 1", 33), ("Duty & Assessment Team 2", 32),
        ("Duty & Assessment Team 3", 34), ("Duty & Assessment Team 4", 31), ("0-25 Service", 22), ("REACH", 16),
    ]

    /// CP plans that are still open at 31 January 2019, by the month they started (April 2016 –
    /// January 2019): they make the pack's durations, under 3 months 28, 3–6 months 42, 6–12
    /// months 68, 12–24 months 21 and none of 2 years. Every other plan ends by January.
    static let cpOpenInJanuaryByStart: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0,                  // Apr 2016 – Jan 2017
        1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 2, 3,            // Feb 2017 – Jan 2018: 21
        10, 10, 12, 11, 14, 11,                        // Feb – Jul 2018: 68
        14, 14, 14,                                    // Aug – Oct 2018: 42
        14, 10, 4,                                     // Nov 2018 – Jan 2019: 28
    ]
    /// Plans started in 2018-19 by the child's age at the start: under 1 (unborn included),
    /// 1–5, 6–10, 11–15, 16 and over.
    static let cpStartAgesYTD: [Int] = [39, 56, 54, 40, 5]
    /// Plans started in 2018-19 for children who had a plan before, to the end of November,
    /// December and January (the pack's counts: two re-registrations in January).
    static let cpRepeatPlansYTD = (november: 18, december: 18, january: 20)
    /// Disabled children on plans at the end of November, December and January.
    static let cpDisabled = (november: 10, december: 11, january: 11)
    /// Children on a plan who are also in care: none at the end of November, 3 at the end of
    /// December and of January (plans started in December for children already in care).
    static let cpAlsoInCare = 3

    /// Children in care at 31 January 2019 by gender (male, female) and ethnicity.
    static let claGenderJanuary = (male: 192, female: 124)
    static let claEthnicityJanuary: [(String, Int)] = [("white", 128), ("mixed", 62), ("asian", 70), ("black", 55), ("not_recorded", 1)]
    /// Adoptions and special guardianship orders in 2018-19, to the end of November, December
    /// and January (the pack's cumulative figures).
    static let claAdoptedYTD = (november: 2, december: 3, january: 5)
    static let claSGOYTD = (november: 8, december: 8, january: 9)

    /// The 62 UASC: 58 boys (93.5%); in care under a year 38, one year 17, two 2, three or more
    /// 5; placed in foster care 36, semi-independent living 25, residential care 1; by team.
    static let uascMale = 58
    static let uascYearsInCare: [Int] = [38, 17, 2, 5]
    static let uascPlacements: [(String, Int)] = [("U3 - Foster placement with other foster carer", 36),
                                                  ("H5 - Semi-independent living accommodation", 25), ("K2 - Children's home", 1)]
    static let uascTeams: [(String, Int)] = [
        ("Children in Care Team 1", 9), ("Children in Care Team 2", 9), ("Children in Care Team 3", 15),
        ("Duty & Assessment Team 2", 1), ("Duty & Assessment Team 3", 1), ("Onwards & Upwards", 27),
    ]
    /// The UASC's ethnicities as their nationalities give them (Afghan, Vietnamese, Iranian,
    /// Iraqi, Kurdish, Kuwaiti, Palestinian and Pakistani Asian; Albanian white; Eritrean,
    /// Ethiopian and Sudanese black; one not recorded).
    static let uascEthnicity: [(String, Int)] = [("asian", 38), ("white", 11), ("black", 12), ("not_recorded", 1)]

    /// Care leavers aged 19–21 at 31 January 2019: in higher education 18, other education 50,
    /// training or employment 38; the 151 suitably housed by type of accommodation (the other
    /// 6, unsuitably housed, in none of these).
    static let careLeaverActivity19to21 = (higherEducation: 18, otherEducation: 50, trainingEmployment: 38)
    static let careLeaverAccommodation19to21: [(String, Int)] = [
        ("B - With parents or relatives", 9), ("C - Community home or other form of residential care", 5),
        ("D - Semi-independent, transitional accommodation", 24), ("E - Supported lodgings", 4), ("T - Foyers", 5),
        ("U - Independent living", 84), ("V - Stepping Stone accommodation", 1), ("Y - Other accommodation", 7),
        ("Z - With former foster carers", 12),
    ]

    /// Audits by month, service area and grade (good, requires improvement, inadequate), July
    /// 2018 to January 2019, as the quality-assurance dashboard prints them.
    static let auditsFirstMonth = YearMonth(year: 2018, month: 7)!
    static let auditsByArea: [(String, [(Int, Int, Int)])] = [
        ("Early Help", [(0, 1, 0), (0, 0, 0), (0, 3, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)]),
        ("Duty and Assessment", [(4, 9, 1), (2, 9, 0), (5, 8, 2), (0, 6, 0), (3, 11, 0), (1, 5, 0), (12, 15, 1)]),
        ("Intervention and Planning", [(2, 10, 1), (1, 7, 4), (1, 7, 2), (2, 3, 0), (0, 0, 1), (2, 6, 2), (2, 10, 0)]),
        ("REACH", [(0, 0, 0), (0, 0, 0), (0, 1, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)]),
        ("CP - Children in Care", [(1, 2, 0), (1, 0, 0), (2, 0, 0), (0, 0, 0), (1, 0, 0), (0, 0, 0), (1, 4, 1)]),
        ("CP - Adoption and Post Permanence", [(0, 0, 0), (1, 0, 0), (0, 0, 0), (1, 1, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)]),
        ("Placements and Disabilities", [(0, 1, 0), (0, 2, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)]),
        ("CP - Onwards and Upwards", [(0, 1, 0), (0, 2, 0), (1, 0, 0), (0, 0, 0), (0, 3, 0), (1, 3, 0), (0, 4, 1)]),
    ]
    /// Domain gradings (good, requires improvement, inadequate) in November, December and
    /// January, as printed.
    static let domainsFirstMonth = YearMonth(year: 2018, month: 11)!
    static let domainGrades: [(String, [(Int, Int, Int)])] = [
        ("Combined Assessments", [(4, 9, 3), (6, 9, 2), (16, 25, 4)]),
        ("Management Oversight", [(6, 11, 2), (2, 16, 2), (17, 27, 5)]),
        ("CPC, Plan and Core Group Meetings", [(0, 0, 1), (0, 3, 0), (0, 0, 0)]),
        ("CIN", [(0, 1, 2), (1, 3, 0), (1, 6, 0)]),
        ("CiC", [(3, 2, 0), (4, 5, 2), (1, 4, 2)]),
    ]

    /// Average caseloads in January 2019 by service (the improvement plan's dashboard), with
    /// the social workers each service has in post then; the improvement plan's agency share,
    /// 28% (21 of those 75), and 29% in December (one more agency worker, who left in January).
    static let caseloadsJanuary: [(service: String, caseload: Double, socialWorkers: Int, agency: Int)] = [
        ("Duty and Assessment", 13.6, 10, 3), ("Intervention and Planning", 16.4, 34, 10), ("Children in Care", 13.2, 13, 4),
        ("0-25", 13.5, 4, 1), ("Onwards and Upwards", 21.5, 12, 3), ("REACH", 9.5, 2, 0),
    ]
}
