import PopCalendar

/// A person in the demo borough: every list row about them carries these.
struct Person {
    let id: String
    var dateOfBirth: Day
    var gender: String
    var ethnicity: String
}

struct ContactEvent {
    let person: Int
    let date: Day
    let source: String
    let decision: Day
}

struct ReferralEvent {
    let person: Int
    let date: Day
    var source: String
    let nfa: Bool
    let team: String
    let worker: String
}

struct AssessmentEvent {
    let person: Int
    let start: Day
    let authorised: Day
    let childSeen: Bool
    let team: String
    let worker: String
    /// Assessed as needing children's social care support.
    let needsSupport: Bool
}

struct Section47Event {
    let person: Int
    let start: Day
    let icpc: Day?
    let team: String
    let worker: String
}

/// A child in need plan; `visits` are the days the child was seen.
struct CINPlanRecord {
    let person: Int
    let start: Day
    let end: Day?
    var visits: [Day]
    var team: String
    var worker: String
    /// The CIN census primary need code, with its words.
    var primaryNeed: String
}

struct CPPlanRecord {
    /// A child already in care takes the plan over (the pack's children on a plan and in care).
    var person: Int
    let start: Day
    let end: Day?
    var category: String
    var visits: [Day]
    var reviews: [Day]
    var previousPlans: Int
    var team: String
    var worker: String
    /// Seen alone at the last visit, as the January 2019 page has it; other months by hash.
    var seenAloneJanuary: Bool?
    var disabled = false
}

struct CareRecord {
    let person: Int
    let start: Day
    let end: Day?
    var legalStatus: String
    var uasc: Bool
    var visits: [Day]
    var reviews: [Day]
    var healthAssessments: [Day]
    var dentalChecks: [Day]
    /// Start days of each placement; the first is the start of care.
    var placements: [Day]
    var inBorough: Bool
    var missingEpisodes: [Day]
    var team: String
    var worker: String
    /// SSDA903's placement type of the latest placement, and the reason care ended (blank while open).
    var placementType = ""
    var reasonCeased = ""
}

struct CareLeaverRecord {
    let person: Int
    /// On the list from `from` (18th birthday) until the day before `until`.
    let from: Day
    let until: Day
    var contacts: [Day]
    var pathwayReviews: [Day]
    var accommodation: String
    let team: String
    var worker: String
    /// Activity and suitability as the January 2019 page has them; other months by hash.
    var activityJanuary: String?
    var suitableJanuary: Bool?
}

struct YouthOrderRecord {
    let person: Int
    let start: Day
    let end: Day?
    var statutory: Bool
    var firstTimeEntrant: Day?
    var custody: Day?
    var intensity: String
    var gang: Bool
    var eteAtEnd: Bool
    let team: String
    let worker: String
}

/// An Early Help assessment: open from `start` until `end` (none while open).
struct EarlyHelpRecord {
    let person: Int
    let start: Day
    var end: Day?
    let organisation: String
}

/// One row of audits.csv: an audit's overall grade (`domain` "Overall") or one domain's.
struct AuditRecord {
    let date: Day
    let serviceArea: String
    let domain: String
    let grade: String
    /// The audited child, when one is open in the service area that day.
    let person: Int?
    let auditor: String
}

/// A member of staff: one row of workforce.csv in each month they are in post or have left.
struct StaffRecord {
    let name: String
    let team: String
    let role: String
    var agency: Bool
    let start: Day
    var end: Day?
    /// Days of supervision, in order.
    var supervisions: [Day]
}

/// The whole simulated history of the borough; each month's extract is a view of it.
struct DemoWorld {
    var people: [Person] = []
    var contacts: [ContactEvent] = []
    var referrals: [ReferralEvent] = []
    var assessments: [AssessmentEvent] = []
    var section47s: [Section47Event] = []
    var cinPlans: [CINPlanRecord] = []
    var cpPlans: [CPPlanRecord] = []
    var care: [CareRecord] = []
    var careLeavers: [CareLeaverRecord] = []
    var youthOrders: [YouthOrderRecord] = []
    var earlyHelp: [EarlyHelpRecord] = []
    var audits: [AuditRecord] = []
    var staff: [StaffRecord] = []

    mutating func addPerson(_ rng: inout DemoRandom, born: Day) -> Int {
        let id = "BN" + String(100_000 + people.count * 7 + rng.below(7))
        let gender = rng.chance(0.52) ? "Male" : "Female"
        // DfE's descriptions, so every list's Ethnicity reads as the contract's code groups.
        let ethnicity = rng.weighted([("White British", 30), ("Any other White background", 12), ("Any other Asian background", 22),
                                      ("Any other Black background", 17), ("Any other Mixed background", 14), ("Any other ethnic group", 4), ("", 1)])
        people.append(Person(id: id, dateOfBirth: born, gender: gender, ethnicity: ethnicity))
        return people.count - 1
    }
}
