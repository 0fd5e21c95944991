import PopCalendar
import PopExtract

/// Every indicator of the data contract (section 4), each one declaration: what it is (an
/// `IndicatorDefinition`) and which shared kernel computes it over which cohort. Adding an
/// indicator is adding a declaration here and its hand-worked test.
public enum Catalogue {
    /// Every indicator's definition, in page order (breakdowns one entry per group).
    public static let definitions: [IndicatorDefinition] = measures.flatMap(\.definitions)

    static let byID: [IndicatorID: IndicatorDefinition] = Dictionary(definitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    public static func definition(_ id: IndicatorID) -> IndicatorDefinition? { byID[id] }

    /// The indicators with a child-level visit list behind them.
    public static var visitIndicators: [IndicatorDefinition] { definitions.filter { $0.visitRule != nil } }

    // MARK: declarations

    /// One indicator's declaration. `short` names it on a panel line, `slide` on a slide (both
    /// default to the title); `headline` places it among its service's headlines; `breakdown`
    /// heads the table a breakdown group sits in; `teamBy` is the column its team rows group by
    /// (Allocated Team unless the list has its own).
    static func d(_ id: IndicatorID, _ title: String, short: String? = nil, slide: String? = nil, _ service: Service, _ unit: MeasureUnit,
                  _ polarity: Polarity, reads needs: [ColumnNeed], team: Bool = false, teamBy: String = Column.team, breakdown: String? = nil,
                  headline: Int? = nil, visits: VisitRule? = nil, fallback: Fallback? = nil, _ definition: String) -> IndicatorDefinition {
        let teamColumn = team ? ColumnNeed(list: needs[0].list, column: teamBy) : nil
        let readsTeam = teamColumn.map(needs.contains) ?? false
        let all = needs + (readsTeam ? [] : [teamColumn].compactMap { $0 })
        return IndicatorDefinition(id: id, title: title, shortTitle: short ?? title, slideTitle: slide ?? title, service: service, unit: unit,
                                   polarity: polarity, needs: all, byTeam: team, teamColumn: teamColumn, readsTeamColumn: readsTeam,
                                   definition: definition, headline: headline, visitRule: visits, breakdownHeading: breakdown, fallback: fallback)
    }

    /// The columns of one list an indicator reads (every list is read by its identity column
    /// too: Child Unique ID, or a staff list's Worker).
    static func reads(_ list: ListKind, _ columns: String...) -> [ColumnNeed] {
        ([list.identityColumn].compactMap { $0 } + columns).map { ColumnNeed(list: list, column: $0) }
    }

    // MARK: kernels, bound to their declaration

    static func count<Row>(_ def: IndicatorDefinition, _ rows: @escaping @Sendable (Cohorts) -> [Row],
                           team: (@Sendable (Row) -> String)? = nil) -> Measure {
        let byTeam: (@Sendable (Row) -> String)? = def.byTeam ? team : nil
        return Measure(definitions: [def]) { c, _ in Kernel.count(def, rows(c), team: byTeam) }
    }

    static func share<Row>(_ def: IndicatorDefinition, _ rows: @escaping @Sendable (Cohorts) -> [Row],
                           team: (@Sendable (Row) -> String)? = nil,
                           _ test: @escaping @Sendable (Cohorts, Row) -> Bool?) -> Measure {
        let byTeam: (@Sendable (Row) -> String)? = def.byTeam ? team : nil
        return Measure(definitions: [def]) { c, _ in Kernel.share(def, rows(c), team: byTeam) { test(c, $0) } }
    }

    static func rate(_ def: IndicatorDefinition, per: Double, population: KeyPath<Population, Int?> & Sendable,
                     _ count: @escaping @Sendable (Cohorts) -> Int) -> Measure {
        Measure(definitions: [def]) { c, p in Kernel.rate(def, count: count(c), population: p[keyPath: population], per: per) }
    }

    /// A count already tallied while the extract was read.
    static func tally(_ def: IndicatorDefinition, _ count: @escaping @Sendable (Cohorts) -> Int) -> Measure {
        Measure(definitions: [def]) { c, _ in [Kernel.countValue(def, team: nil, count(c))] }
    }

    /// An indicator computed its own way, given its declaration.
    static func custom(_ def: IndicatorDefinition, _ compute: @escaping @Sendable (Cohorts, Population, IndicatorDefinition) -> [IndicatorValue]) -> Measure {
        Measure(definitions: [def]) { c, p in compute(c, p, def) }
    }

    /// The share of a cohort visited in time by the declaration's visit rule, counting from the
    /// last visit on this episode, or from its start when none is recorded. The same rows, rule
    /// and reference day give the drill-down's child-level list.
    static func visits<Row>(_ def: IndicatorDefinition, _ rows: @escaping @Sendable (Cohorts) -> [Row], subject: @escaping @Sendable (Row) -> VisitSubject) -> Measure {
        precondition(def.visitRule != nil, "\(def.id) counts visits: it needs a visit rule")
        let rule = def.visitRule!
        let team: (@Sendable (Row) -> String)? = def.byTeam ? { @Sendable row in subject(row).team } : nil
        return Measure(definitions: [def], compute: { c, _ in
            Kernel.share(def, rows(c), team: team) { row in
                subject(row).reference.map { rule.inTime(elapsed: rule.elapsed(from: $0, to: c.asAt, calendar: c.calendar)) }
            }
        }, visitList: { c in
            rows(c).compactMap { row in
                let s = subject(row)
                guard let start = s.start.day, let ref = s.reference else { return nil }
                let last: Day? = if case .day(let v) = Cohorts.sinceStart(s.visit, start) { v } else { nil }
                return ChildVisit(indicator: def.id, team: s.team, worker: s.worker, child: s.child, start: start, lastVisit: last,
                                  elapsed: rule.elapsed(from: ref, to: c.asAt, calendar: c.calendar), rule: rule,
                                  due: rule.due(from: ref, calendar: c.calendar))
            }
        })
    }

    /// `groupCase` keeps the groups' capitals inside a sentence (Asian, Black).
    static func breakdownDefinitions(_ prefix: String, heading: String, _ groups: [(String, String)], _ service: Service, reads needs: [ColumnNeed],
                                     team: Bool = false, teamBy: String = Column.team, groupCase: Bool = false,
                                     _ definition: String) -> [(group: String, def: IndicatorDefinition)] {
        groups.map { g in
            (group: g.0, def: d(IndicatorID("\(prefix).\(g.0)"), g.1, service, .percent, .none, reads: needs, team: team, teamBy: teamBy,
                               breakdown: heading, definition.replacingGroup(with: g.1, keepCase: groupCase)))
        }
    }

    static func breakdown<Row>(_ prefix: String, heading: String, _ groups: [(String, String)], _ service: Service, reads needs: [ColumnNeed],
                               team: (column: String, of: @Sendable (Row) -> String)? = nil, groupCase: Bool = false,
                               _ definition: String, _ rows: @escaping @Sendable (Cohorts) -> [Row],
                               _ classify: @escaping @Sendable (Cohorts, Row) -> Kernel.Placement) -> Measure {
        let defs = breakdownDefinitions(prefix, heading: heading, groups, service, reads: needs, team: team != nil,
                                        teamBy: team?.column ?? Column.team, groupCase: groupCase, definition)
        let byTeam = team?.of
        return Measure(definitions: defs.map(\.def)) { c, _ in Kernel.breakdown(defs, rows(c), team: byTeam) { classify(c, $0) } }
    }

    /// A breakdown of a cohort by how long ago each row's start was, in whole months (`bands`'
    /// edges, ascending): the first group is after addMonths(R, −edges[0]), the last on or
    /// before addMonths(R, −edges.last). A start that cannot be read, or after R, is left out.
    static func timeBands<Row>(_ prefix: String, heading: String, _ groups: [(String, String)], edges: [Int], _ service: Service,
                               reads needs: [ColumnNeed], _ definition: String, _ rows: @escaping @Sendable (Cohorts) -> [Row],
                               start: @escaping @Sendable (Row) -> DateField) -> Measure {
        precondition(groups.count == edges.count + 1, "\(prefix): a band more than its edges")
        let defs = breakdownDefinitions(prefix, heading: heading, groups, service, reads: needs, definition)
        return Measure(definitions: defs.map(\.def)) { c, _ in
            let bands = MonthBands(asAt: c.asAt, edges: edges)
            return Kernel.breakdown(defs, rows(c), team: nil) { row in
                guard let s = start(row).day, let band = bands.band(s) else { return .unreadable }
                return .group(groups[band].0)
            }
        }
    }

    /// A breakdown whose group counts and base were tallied while the extract was read.
    static func tallied(_ prefix: String, heading: String, _ groups: [(String, String)], _ service: Service, reads needs: [ColumnNeed],
                        _ definition: String, _ counts: @escaping @Sendable (Cohorts) -> ([String: Int], Int)) -> Measure {
        let defs = breakdownDefinitions(prefix, heading: heading, groups, service, reads: needs, definition)
        return Measure(definitions: defs.map(\.def)) { c, _ in
            let (groups, base) = counts(c)
            return Kernel.breakdown(defs, counts: groups, base: base)
        }
    }

    // MARK: the visit rules

    /// CP: seen within 10 working days. CIN: within 20 working days. Children in care: within
    /// 42 days (six weeks).
    public static let cpVisits = VisitRule(limit: 10, days: .working)
    public static let cinVisits = VisitRule(limit: 20, days: .working)
    public static let claVisits = VisitRule(limit: 42, days: .calendar)

    // MARK: the indicators

    static let measures: [Measure] = [
        // MARK: MASH / front door (Lists 1, 3)
        count(d("mash.contacts", "Contacts", .mash, .count, .none, reads: reads(.list1, Column.contactDate), headline: 1,
                "Contacts received in the month (List 1 rows dated in the month)."), { $0.contactsInMonth }),
        tally(d("mash.contacts_ytd", "Contacts YTD", .mash, .count, .none, reads: reads(.list1, Column.contactDate),
                "Contacts received since 1 April (the financial year to date)."), { $0.rows.contactsYTD }),
        custom(d("mash.decision_1wd", "Decisions within 1 working day", short: "Decisions in 1 wd", .mash, .percent, .high,
                 reads: reads(.list1, Column.contactDate) + [ColumnNeed(list: .list1, column: Column.contactDecision, local: true)], headline: 5,
                 "Of the month's contacts with a decision date, the share decided within one working day of the contact.")) { c, _, def in
            guard c.rows.hasContactDecisions else { return [] }
            return Kernel.share(def, c.contactsInMonth.filter { !$0.decision.isBlank }, team: nil) { contact in
                guard let made = contact.decision.day, let received = contact.date.day else { return nil }
                return c.wd(received, made) <= 1
            }
        },
        count(d("mash.referrals", "Referrals", .mash, .count, .none, reads: reads(.list3, Column.referralDate), headline: 2,
                "Referrals to children's social care in the month (List 3 rows dated in the month)."), { $0.referralsInMonth }),
        tally(d("mash.referrals_ytd", "Referrals YTD", .mash, .count, .none, reads: reads(.list3, Column.referralDate),
                "Referrals since 1 April."), { $0.rows.referralsYTD }),
        rate(d("mash.referral_rate_ytd", "Referral rate per 10,000 YTD", short: "Referrals /10k YTD", .mash, .per_10k, .none,
               reads: reads(.list3, Column.referralDate), headline: 3,
               "Referrals since 1 April per 10,000 children aged 0–17."), per: 10_000, population: \.age0to17) { $0.rows.referralsYTD },
        custom(d("mash.conversion", "Contacts converted to referrals", .mash, .percent, .none,
                 reads: reads(.list1, Column.contactDate) + reads(.list3, Column.referralDate),
                 "Referrals in the month as a share of contacts in the month.")) { c, _, def in
            Kernel.ratio(def, c.referralsInMonth.count, c.contactsInMonth.count)
        },
        custom(d("mash.rereferrals_ytd", "Re-referrals within 12 months YTD", short: "Re-referrals YTD", .mash, .percent, .low,
                 reads: reads(.list3, Column.referralDate), headline: 4,
                 "Of referrals since 1 April, the share where the same child had another referral in the 12 months before (a referral without a Child Unique ID counts among the referrals, never as a re-referral).")) { c, _, def in
            let (n, d) = c.rereferralsYTD
            return [Kernel.percentValue(def, team: nil, n, d)]
        },
        share(d("mash.referrals_nfa", "Referrals with no further action", .mash, .percent, .none,
                reads: reads(.list3, Column.referralDate, Column.referralNFA),
                "Of the month's referrals, the share marked no further action."), { $0.referralsInMonth }) { _, r in
            r.nfa == .bad ? nil : r.nfa == .yes
        },
        tallied("mash.source", heading: "Referral source (year to date)", SourceGroup.allCases.map { ($0.rawValue, sourceTitle($0)) }, .mash,
                reads: reads(.list3, Column.referralDate, Column.referralSource),
                "Referrals since 1 April from GROUP, as a number and a share of all referrals since 1 April.") {
            ($0.rows.referralSourcesYTD, $0.rows.referralSourcesBaseYTD)
        },

        // MARK: Early Help (List 2)
        count(d("eh.started", "Early Help assessments started", short: "EHAs started", .earlyHelp, .count, .none,
                reads: reads(.list2, Column.ehStart), team: true, teamBy: Column.ehOrganisation, headline: 1,
                "Early Help assessments started in the month, by the organisation completing them."),
              { $0.earlyHelpStartedInMonth }, team: { $0.organisation }),
        tally(d("eh.started_ytd", "Early Help assessments started YTD", short: "EHAs started YTD", .earlyHelp, .count, .none,
                reads: reads(.list2, Column.ehStart), headline: 2, "Early Help assessments started since 1 April."),
              { $0.rows.earlyHelpStartedYTD }),
        count(d("eh.completed", "Early Help assessments completed", short: "EHAs completed", .earlyHelp, .count, .none,
                reads: reads(.list2, Column.ehStart, Column.ehCompleted), headline: 4,
                "Early Help assessments completed in the month."), { $0.earlyHelpCompletedInMonth }),
        count(d("eh.open", "Children with an open Early Help assessment", short: "Open EHAs", .earlyHelp, .count, .none,
                reads: reads(.list2, Column.ehStart, Column.ehCompleted), headline: 3,
                "Children whose Early Help assessment is open at the reporting date."), { $0.earlyHelpOpen }),
        timeBands("eh.open_duration", heading: "Open assessments by duration",
                  [("under_3m", "Under 3 months"), ("3_6m", "3–6 months"), ("6_9m", "6–9 months"), ("9_12m", "9–12 months"),
                   ("12m_plus", "12 months and over")], edges: [3, 6, 9, 12], .earlyHelp,
                  reads: reads(.list2, Column.ehStart, Column.ehCompleted),
                  "Children with an open Early Help assessment started GROUP before the reporting date, as a number and a share.",
                  { $0.earlyHelpOpen }, start: { $0.start }),

        // MARK: Assessments, S47 and ICPC (Lists 4, 5)
        count(d("asmt.completed", "Assessments completed", short: "Completed", .assessments, .count, .none,
                reads: reads(.list4, Column.assessmentAuthorised), team: true, headline: 1,
                "Assessments authorised in the month."), { $0.assessmentsAuthorisedInMonth }, team: { $0.team }),
        share(d("asmt.within_45wd", "Assessments in 45 working days", short: "In 45 working days", .assessments, .percent, .high,
                reads: reads(.list4, Column.assessmentStart, Column.assessmentAuthorised), team: true, headline: 2,
                "Of assessments authorised in the month, the share authorised within 45 working days of their start."),
              { $0.assessmentsAuthorisedInMonth }, team: { $0.team }) { c, a in
            guard let s = a.start.day, let e = a.authorised.day else { return nil }
            return c.wd(s, e) <= 45
        },
        share(d("asmt.child_seen", "Child seen during assessment", .assessments, .percent, .high,
                reads: reads(.list4, Column.assessmentAuthorised, Column.assessmentSeen),
                "Of assessments authorised in the month, the share where the child was seen."),
              { $0.assessmentsAuthorisedInMonth }) { _, a in a.childSeen == .bad ? nil : a.childSeen == .yes },
        count(d("s47.started", "Section 47 enquiries", short: "S47 enquiries", .assessments, .count, .none,
                reads: reads(.list5, Column.strategyStart), headline: 3,
                "Section 47 enquiries whose strategy discussion started in the month."), { $0.section47sStartedInMonth }),
        share(d("icpc.within_15wd", "ICPCs in 15 working days", short: "ICPC in 15 wd", .assessments, .percent, .high,
                reads: reads(.list5, Column.strategyStart, Column.icpcDate), headline: 4,
                "Of initial child protection conferences held in the month, the share within 15 working days of the strategy discussion."),
              { $0.icpcsInMonth }) { c, s in
            guard let start = s.strategyStart.day, let conf = s.icpc.day else { return nil }
            return c.wd(start, conf) <= 15
        },

        breakdown("asmt.duration", heading: "Working days to authorisation",
                  [("0_25", "0–25 working days"), ("26_40", "26–40 working days"), ("41_45", "41–45 working days"), ("46_plus", "46 or more working days")],
                  .assessments, reads: reads(.list4, Column.assessmentStart, Column.assessmentAuthorised),
                  "Assessments authorised in the month that took GROUP from their start, as a number and a share.",
                  { $0.assessmentsAuthorisedInMonth }) { c, a in
            switch (a.start, a.authorised) {
            case (.day(let s), .day(let e)): .group(["0_25", "26_40", "41_45", "46_plus"][countBand(c.wd(s, e), upTo: [25, 40, 45])])
            case (.blank, _): .noGroup
            default: .unreadable
            }
        },
        share(d("asmt.needs_support", "Assessed as needing social care support", short: "Needing support", .assessments, .percent, .none,
                reads: reads(.list4, Column.assessmentAuthorised, Column.assessmentNeedsSupport),
                "Of assessments authorised in the month, the share where the child was assessed as needing children's social care support."),
              { $0.assessmentsAuthorisedInMonth }) { _, a in a.needsSupport == .bad ? nil : a.needsSupport == .yes },

        // MARK: Children in need (List 6)
        count(d("cin.children", "Children in need", .cin, .count, .none, reads: reads(.list6, Column.cinStart, Column.cinClosure),
                "Children with a child in need episode open at the reporting date, whatever its status."), { $0.childrenInNeedOpen }),
        rate(d("cin.rate", "Children in need per 10,000", .cin, .per_10k, .none, reads: reads(.list6, Column.cinStart, Column.cinClosure),
               "Children in need per 10,000 children aged 0–17."), per: 10_000, population: \.age0to17) { $0.childrenInNeedOpen.count },
        count(d("cin.plans", "Children on CIN plans", short: "On CIN plans", .cin, .count, .none,
                reads: reads(.list6, Column.cinStart, Column.cinClosure, Column.caseStatus), team: true, headline: 1,
                "Children open at the reporting date whose case status is a child in need plan."), { $0.childInNeedPlans }, team: { $0.team }),
        visits(d("cin.visits_in_time", "CIN visits in time (20 working days)", short: "Visits in time", .cin, .percent, .high,
                 reads: reads(.list6, Column.cinStart, Column.cinClosure, Column.caseStatus, Column.cinLastSeen), team: true, headline: 2,
                 visits: cinVisits,
                 "Of children on CIN plans, the share seen within the last 20 working days (counting from the plan's start when no visit is recorded)."),
               { $0.childInNeedPlans }) { e in
            VisitSubject(child: e.child, team: e.team, worker: e.worker, start: e.start, visit: e.lastSeen)
        },

        timeBands("cin.duration", heading: "Duration of CIN plans",
                  [("under_3m", "Under 3 months"), ("3_6m", "3–6 months"), ("6_12m", "6–12 months"), ("12m_plus", "12 months and over")],
                  edges: [3, 6, 12], .cin, reads: reads(.list6, Column.cinStart, Column.cinClosure, Column.caseStatus),
                  "Children on CIN plans whose episode started GROUP before the reporting date, as a number and a share.",
                  { $0.childInNeedPlans }, start: { $0.start }),
        breakdown("cin.primary_need", heading: "Primary need", PrimaryNeed.allCases.map { ($0.rawValue, needTitle($0)) }, .cin,
                  reads: reads(.list6, Column.cinStart, Column.cinClosure, Column.cinPrimaryNeed),
                  "Children in need whose primary need is GROUP, as a number and a share.", { $0.childrenInNeedOpen }) { _, e in
            switch e.primaryNeed {
            case .value(let n): .group(n.rawValue)
            case .blank: .noGroup
            case .bad: .unreadable
            }
        },

        // MARK: Child protection (List 7)
        count(d("cp.children", "Children on CP plans", short: "Children on plans", .cp, .count, .none,
                reads: reads(.list7, Column.cpStart, Column.cpEnd), team: true, headline: 1,
                "Children subject to a child protection plan at the reporting date."), { $0.protectionPlansOpen }, team: { $0.team }),
        rate(d("cp.rate", "CP plans per 10,000", short: "Rate per 10k", .cp, .per_10k, .none, reads: reads(.list7, Column.cpStart, Column.cpEnd),
               headline: 2, "Children on child protection plans per 10,000 children aged 0–17."),
             per: 10_000, population: \.age0to17) { $0.protectionPlansOpen.count },
        breakdown("cp.category", heading: "Category of abuse", AbuseCategory.allCases.map { ($0.rawValue, String($0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst())) },
                  .cp, reads: reads(.list7, Column.cpStart, Column.cpEnd, Column.cpCategory),
                  "Children on plans at the reporting date whose latest category of abuse is GROUP, as a number and a share.",
                  { $0.protectionPlansOpen }) { _, p in
            switch p.category {
            case .value(let c): .group(c.rawValue)
            case .blank: .noGroup
            case .bad: .unreadable
            }
        },
        count(d("cp.starts_ytd", "CP plans started YTD", .cp, .count, .none, reads: reads(.list7, Column.cpStart),
                "Child protection plans started since 1 April."), { $0.protectionPlansStartedYTD }),
        share(d("cp.repeat_ytd", "Repeat CP plans YTD", short: "Repeat plans YTD", .cp, .percent, .low,
                reads: reads(.list7, Column.cpStart, Column.cpPreviousPlans), headline: 4,
                "Of plans started since 1 April, the share for children who had a plan before."),
              { $0.protectionPlansStartedYTD }) { _, p in p.previousPlans.value.map { $0 >= 1 } },
        count(d("cp.ended_ytd", "CP plans ended YTD", .cp, .count, .none, reads: reads(.list7, Column.cpStart, Column.cpEnd),
                "Child protection plans ended since 1 April."), { $0.protectionPlansEndedYTD }),
        share(d("cp.ended_2y_ytd", "Plans ended after 2+ years YTD", .cp, .percent, .low, reads: reads(.list7, Column.cpStart, Column.cpEnd),
                "Of plans ended since 1 April, the share that had lasted two years (730 days) or more."),
              { $0.protectionPlansEndedYTD }) { _, p in
            guard let s = p.start.day, let e = p.end.day else { return nil }
            return e - s >= 730
        },
        share(d("cp.open_2y", "Plans open 2+ years", short: "Plans 2+ years", .cp, .percent, .low,
                reads: reads(.list7, Column.cpStart, Column.cpEnd), headline: 5,
                "Of children on plans, the share whose plan started two years (730 days) or more before the reporting date."),
              { $0.protectionPlansOpen }) { c, p in p.start.day.map { c.asAt - $0 >= 730 } },
        custom(d("cp.under5", "Children under 5 on plans", .cp, .percent, .none,
                 reads: reads(.list7, Column.cpStart, Column.cpEnd, Column.dateOfBirth), breakdown: "Age",
                 "Children on plans aged under 5 at the reporting date (unborn children included), as a number and a share.")) { c, _, def in
            Kernel.breakdown([("u5", def)], c.protectionPlansOpen) { p in
                switch c.underFive(p) {
                case true?: .group("u5")
                case false?: .noGroup
                case nil: .unreadable
                }
            }
        },
        visits(d("cp.visits_in_time", "CP visits in time (10 working days)", short: "Visits in time", .cp, .percent, .high,
                 reads: reads(.list7, Column.cpStart, Column.cpEnd, Column.cpLastVisit), team: true, headline: 3, visits: cpVisits,
                 "Of children on plans, the share visited within the last 10 working days (counting from the plan's start when no visit is recorded)."),
               { $0.protectionPlansOpen }) { p in VisitSubject(p) },
        share(d("cp.visits_in_time_u5", "CP visits in time, under 5s", .cp, .percent, .high,
                reads: reads(.list7, Column.cpStart, Column.cpEnd, Column.cpLastVisit, Column.dateOfBirth),
                "The same, for children on plans aged under 5."), { $0.protectionPlansUnder5 }) { c, p in
            VisitSubject(p).reference.map { cpVisits.inTime(elapsed: cpVisits.elapsed(from: $0, to: c.asAt, calendar: c.calendar)) }
        },
        share(d("cp.seen_alone", "Children seen alone", .cp, .percent, .high, reads: reads(.list7, Column.cpStart, Column.cpEnd, Column.cpSeenAlone),
                "Of children on plans, the share seen alone at their last visit."),
              { $0.protectionPlansOpen }) { _, p in p.seenAlone == .bad ? nil : p.seenAlone == .yes },
        share(d("cp.reviews_in_time", "CP reviews in time", .cp, .percent, .high,
                reads: reads(.list7, Column.cpStart, Column.cpEnd, Column.cpLatestReview),
                "Of children on plans, the share whose review is not overdue: a first review within 3 months of the plan's start, then every 6 months."),
              { $0.protectionPlansOpen }) { c, p in
            guard let start = p.start.day else { return nil }
            switch Cohorts.sinceStart(p.latestReview, start) {
            case .bad: return nil
            case .blank: return c.asAt <= start.addingMonths(3)
            case .day(let review): return c.asAt <= review.addingMonths(6)
            }
        },

        timeBands("cp.duration", heading: "Duration of current plans",
                  [("under_3m", "Under 3 months"), ("3_6m", "3–6 months"), ("6_12m", "6–12 months"), ("12_24m", "12–24 months"),
                   ("24m_plus", "24 months and over")], edges: [3, 6, 12, 24], .cp, reads: reads(.list7, Column.cpStart, Column.cpEnd),
                  "Children on plans whose plan started GROUP before the reporting date, as a number and a share.",
                  { $0.protectionPlansOpen }, start: { $0.start }),
        breakdown("cp.starts_age", heading: "Age at the start of plans started YTD",
                  [("under_1", "Under 1 (unborn included)"), ("1_5", "1–5"), ("6_10", "6–10"), ("11_15", "11–15"), ("16_plus", "16 and over")],
                  .cp, reads: reads(.list7, Column.cpStart, Column.dateOfBirth),
                  "Plans started since 1 April for children aged GROUP at the plan's start, as a number and a share.",
                  { $0.protectionPlansStartedYTD }) { c, p in
            guard let age = c.ageAtStart(p) else { return .unreadable }
            return .group(["under_1", "1_5", "6_10", "11_15", "16_plus"][countBand(age, upTo: [0, 5, 10, 15])])
        },
        custom(d("cp.disabled", "Disabled children on plans", .cp, .percent, .none,
                 reads: reads(.list7, Column.cpStart, Column.cpEnd, Column.disability), breakdown: "Disability",
                 "Children on plans who have a disability, as a number and a share.")) { c, _, def in
            Kernel.breakdown([("yes", def)], c.protectionPlansOpen) { p in
                p.disabled == .bad ? .unreadable : p.disabled == .yes ? .group("yes") : .noGroup
            }
        },
        count(d("cp.also_cla", "Children on plans who are also in care", short: "Also in care", .cp, .count, .none,
                reads: reads(.list7, Column.cpStart, Column.cpEnd) + reads(.list8, Column.claStarted, Column.claCeased),
                "Children on child protection plans who are also looked after at the reporting date."), { c in
            let inCare = Set(c.childrenInCareOpen.map(\.child))
            return c.protectionPlansOpen.filter { inCare.contains($0.child) }
        }),

        // MARK: Children in care (List 8)
        count(d("cla.children", "Children in care", .cla, .count, .none, reads: reads(.list8, Column.claStarted, Column.claCeased), team: true,
                headline: 1, "Children looked after at the reporting date."), { $0.childrenInCareOpen }, team: { $0.team }),
        rate(d("cla.rate", "Children in care per 10,000", short: "Rate per 10k", .cla, .per_10k, .none,
               reads: reads(.list8, Column.claStarted, Column.claCeased), headline: 2,
               "Children in care per 10,000 children aged 0–17."), per: 10_000, population: \.age0to17) { $0.childrenInCareOpen.count },
        breakdown("cla.legal", heading: "Legal status", LegalGroup.allCases.map { ($0.rawValue, legalTitle($0)) }, .cla,
                  reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claLegalStatus),
                  "Children in care whose legal status is GROUP, as a number and a share.", { $0.childrenInCareOpen }) { _, c in
            c.legalStatus.map { .group($0.rawValue) } ?? .unreadable
        },
        share(d("cla.placements_3plus", "3+ placements in 12 months", short: "3+ placements", .cla, .percent, .low,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claPlacements), headline: 4,
                "Of children in care, the share with three or more placements in the last 12 months."),
              { $0.childrenInCareOpen }) { _, c in c.placementsLast12Months.value.map { $0 >= 3 } },
        share(d("cla.long_term_stability", "Long-term placement stability", short: "Stability 2 yrs", .cla, .percent, .high,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.dateOfBirth, Column.claPlacementStart), headline: 5,
                "Of children under 16 in care for at least 2½ years, the share in the same placement for at least 2 years."),
              { (c: Cohorts) -> [ChildInCare] in
                  let since = c.asAt.addingMonths(-30)
                  return c.childrenInCareOpen.filter { (ch: ChildInCare) -> Bool in
                      guard let dob = ch.dateOfBirth.day, let started = ch.started.day else { return false }
                      return dob.age(at: c.asAt) < 16 && started <= since
                  }
              }) { c, ch in
            switch ch.placementStart {
            case .bad: return nil
            case .blank: return false
            case .day(let p): return p <= c.asAt.addingMonths(-24)
            }
        },
        visits(d("cla.visits_in_time", "CiC visits in time (6 weeks)", short: "Visits in time", .cla, .percent, .high,
                 reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claLastVisit), team: true, headline: 3, visits: claVisits,
                 "Of children in care, the share visited by a social worker within the last 42 days (counting from the start of care when no visit is recorded)."),
               { $0.childrenInCareOpen }) { ch in
            VisitSubject(child: ch.child, team: ch.team, worker: ch.worker, start: ch.started, visit: ch.lastVisit)
        },
        share(d("cla.health_assessments", "Health assessments in time", .cla, .percent, .high,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claHealth),
                "Of children in care for 12 months or more, the share with a health assessment in the last 12 months."),
              { $0.inCareTwelveMonths }) { c, ch in c.inLast12Months(ch.lastHealthAssessment) },
        share(d("cla.dental", "Dental checks in time", .cla, .percent, .high, reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claDental),
                "Of children in care for 12 months or more, the share with a dental check in the last 12 months."),
              { $0.inCareTwelveMonths }) { c, ch in c.inLast12Months(ch.lastDentalCheck) },
        share(d("cla.reviews_in_time", "CiC reviews in time", .cla, .percent, .high,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claLatestReview),
                "Of children in care, the share whose statutory review is not overdue: a first review within 20 working days, then every 6 months."),
              { $0.childrenInCareOpen }) { c, ch in
            guard let started = ch.started.day else { return nil }
            switch Cohorts.sinceStart(ch.latestReview, started) {
            case .bad: return nil
            case .blank: return c.wd(started, c.asAt) <= 20
            case .day(let review): return c.asAt <= review.addingMonths(6)
            }
        },
        count(d("cla.uasc", "Unaccompanied asylum-seeking children", .cla, .count, .none,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claUASC),
                "Children in care who are unaccompanied asylum-seeking children."), { c in c.childrenInCareOpen.filter { $0.uasc == .yes } }),
        share(d("cla.missing", "Missing from placement", .cla, .percent, .low, reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claMissing),
                "Of children in care, the share missing from their placement at least once in the last 12 months."),
              { $0.childrenInCareOpen }) { _, c in c.missingEpisodes.value.map { $0 >= 1 } },
        share(d("cla.placed_in_borough", "Placed in borough", .cla, .percent, .high,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claLocation),
                "Of children in care, the share placed inside the council's boundary."),
              { $0.childrenInCareOpen }) { _, c in c.location == .bad ? nil : c.location == .inside },

        breakdown("cla.gender", heading: "Gender", Gender.allCases.map { ($0.rawValue, genderTitle($0)) }, .cla,
                  reads: reads(.list8, Column.claStarted, Column.claCeased, Column.gender),
                  "Children in care whose gender is GROUP, as a number and a share.", { $0.childrenInCareOpen }) { _, c in
            c.gender.map { .group($0.rawValue) } ?? .unreadable
        },
        breakdown("cla.ethnicity", heading: "Ethnicity", EthnicGroup.allCases.map { ($0.rawValue, ethnicTitle($0)) }, .cla,
                  reads: reads(.list8, Column.claStarted, Column.claCeased, Column.ethnicity), groupCase: true,
                  "Children in care of the ethnic group GROUP, as a number and a share.", { $0.childrenInCareOpen }) { _, c in
            c.ethnicity.map { .group($0.rawValue) } ?? .unreadable
        },
        timeBands("cla.time_in_care", heading: "Time in care",
                  [("under_6m", "Under 6 months"), ("6_12m", "6–12 months"), ("12_18m", "12–18 months"), ("18_24m", "18–24 months"),
                   ("24m_plus", "24 months and over")], edges: [6, 12, 18, 24], .cla, reads: reads(.list8, Column.claStarted, Column.claCeased),
                  "Children in care who started to be looked after GROUP before the reporting date, as a number and a share.",
                  { $0.childrenInCareOpen }, start: { $0.started }),
        breakdown("cla.placement", heading: "Placement type", PlacementGroup.allCases.map { ($0.rawValue, placementTitle($0)) }, .cla,
                  reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claPlacementType),
                  "Children in care whose placement is GROUP, as a number and a share.", { $0.childrenInCareOpen }) { _, c in
            placement(c)
        },
        count(d("cla.ceased_ytd", "Ceased to be looked after YTD", .cla, .count, .none, reads: reads(.list8, Column.claStarted, Column.claCeased),
                "Periods of care that ended since 1 April."), { $0.childrenInCareCeasedYTD }),
        ceasedReasons(d("cla.adopted_ytd", "Adopted YTD", .cla, .percent, .none,
                        reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claReasonCeased), breakdown: "Ceased to be looked after (YTD)",
                        "Periods of care ended since 1 April by adoption, as a number and a share of all that ended."),
                      d("cla.sgo_ytd", "Special guardianship orders YTD", short: "SGOs YTD", .cla, .percent, .none,
                        reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claReasonCeased), breakdown: "Ceased to be looked after (YTD)",
                        "Periods of care ended since 1 April by a special guardianship order, as a number and a share of all that ended.")),

        // MARK: Unaccompanied asylum-seeking children (List 8)
        count(d("uasc.children", "Unaccompanied asylum-seeking children", short: "UASC", .uasc, .count, .none,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claUASC), team: true, headline: 1,
                "Children in care who are unaccompanied asylum-seeking children."), { $0.unaccompaniedChildren }, team: { $0.team }),
        share(d("uasc.male", "UASC who are male", short: "Male", .uasc, .percent, .none,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claUASC, Column.gender), headline: 2,
                "Of unaccompanied asylum-seeking children in care, the share who are male."),
              { $0.unaccompaniedChildren }) { _, c in c.gender.map { $0 == .male } },
        share(d("uasc.age_16_17", "UASC aged 16 or 17", short: "Aged 16–17", .uasc, .percent, .none,
                reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claUASC, Column.dateOfBirth), headline: 3,
                "Of unaccompanied asylum-seeking children in care, the share aged 16 or 17 (one with no date of birth counts, not as 16–17)."),
              { $0.unaccompaniedChildren }) { c, ch in
            switch ch.dateOfBirth {
            case .bad: return nil
            case .blank: return false
            case .day(let dob): return (16...17).contains(dob.age(at: c.asAt))
            }
        },
        breakdown("uasc.time_in_care", heading: "Years in care", [("under_1y", "Under a year"), ("1y", "1 year"), ("2y", "2 years"), ("3y_plus", "3 years or more")],
                  .uasc, reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claUASC),
                  "Unaccompanied asylum-seeking children in care for GROUP (completed years since care started), as a number and a share.",
                  { $0.unaccompaniedChildren }) { c, ch in
            guard let s = ch.started.day, s <= c.asAt else { return .unreadable }
            return .group(["under_1y", "1y", "2y", "3y_plus"][countBand(s.age(at: c.asAt), upTo: [0, 1, 2])])
        },
        breakdown("uasc.placement", heading: "Placement type", PlacementGroup.allCases.map { ($0.rawValue, placementTitle($0)) }, .uasc,
                  reads: reads(.list8, Column.claStarted, Column.claCeased, Column.claUASC, Column.claPlacementType),
                  "Unaccompanied asylum-seeking children whose placement is GROUP, as a number and a share.", { $0.unaccompaniedChildren }) { _, c in
            placement(c)
        },

        // MARK: Care leavers (List 9)
        count(d("cl.total", "Care leavers", .careLeavers, .count, .none, reads: reads(.list9), headline: 1,
                "Care leavers the council supports."), { $0.careLeavers }),
        breakdown("cl.age", heading: "Age", [("17_under", "17 and under"), ("18", "18"), ("19", "19"), ("20", "20"), ("21", "21"), ("22_over", "22 and over")],
                  .careLeavers, reads: reads(.list9, Column.dateOfBirth), "Care leavers aged GROUP at the reporting date, as a number and a share.",
                  { $0.careLeavers }) { c, l in
            switch l.dateOfBirth {
            case .blank: .noGroup        // an unknown age: counted, in no band
            case .bad: .unreadable
            case .day: c.ageBand(l).map { .group($0) } ?? .noGroup
            }
        },
        share(d("cl.eet_19_21", "In education, employment or training (19–21)", short: "EET (19–21)", .careLeavers, .percent, .high,
                reads: reads(.list9, Column.dateOfBirth, Column.clActivity), headline: 2,
                "Of care leavers aged 19–21, the share in education, employment or training."),
              { $0.careLeavers19to21 }) { _, l in
            guard let activity = l.activity else { return nil }
            if case .eet = activity { return true } else { return false }
        },
        share(d("cl.suitable_19_21", "In suitable accommodation (19–21)", short: "Suitably housed", .careLeavers, .percent, .high,
                reads: reads(.list9, Column.dateOfBirth, Column.clSuitability), headline: 3,
                "Of care leavers aged 19–21, the share in suitable accommodation."),
              { $0.careLeavers19to21 }) { _, l in l.suitability.map { $0 == .suitable } },
        custom(d("cl.in_touch", "In touch", .careLeavers, .percent, .high, reads: reads(.list9, Column.clLatestContact), headline: 4,
                 fallback: Fallback(replaces: ColumnNeed(list: .list9, column: Column.clLatestContact), instead: ColumnNeed(list: .list9, column: Column.clInTouch)),
                 "Of all care leavers, the share the council has been in touch with in the last 12 months (from a template before 2023: the share with LA in Touch yes).")) { c, _, def in
            if c.rows.has(.list9, Column.clLatestContact) {
                return Kernel.share(def, c.careLeavers, team: nil) { c.inLast12Months($0.latestContact) }
            }
            // SSDA903's reasons for not being in touch (died, refused, not required, returned
            // home) count as no; blank is not yes.
            return Kernel.share(def, c.careLeavers, team: nil) { $0.laInTouch == .bad ? nil : $0.laInTouch == .yes }
        },
        share(d("cl.pathway_plans", "Pathway plans up to date", .careLeavers, .percent, .high, reads: reads(.list9, Column.clPathwayReview),
                "Of all care leavers, the share whose pathway plan was reviewed in the last 6 months."),
              { $0.careLeavers }) { c, l in
            switch l.pathwayPlanReview {
            case .bad: return nil
            case .blank: return false
            case .day(let r): return r > c.asAt.addingMonths(-6) && r <= c.asAt
            }
        },
        count(d("cl.higher_education", "Care leavers in higher education", .careLeavers, .count, .none, reads: reads(.list9, Column.clActivity),
                "Care leavers in higher education (university)."), { c in
            c.careLeavers.filter { $0.activity == .eet(higherEducation: true) }
        }),

        breakdown("cl.accommodation", heading: "Accommodation (19–21)", AccommodationType.allCases.map { ($0.rawValue, accommodationTitle($0)) },
                  .careLeavers, reads: reads(.list9, Column.dateOfBirth, Column.clAccommodation),
                  "Care leavers aged 19–21 whose type of accommodation is GROUP, as a number and a share.", { $0.careLeavers19to21 }) { _, l in
            switch l.accommodation {
            case .value(let a): .group(a.rawValue)
            case .blank: .noGroup
            case .bad: .unreadable
            }
        },
        breakdown("cl.activity", heading: "In education, employment or training (19–21)",
                  ActivityDetail.allCases.map { ($0.rawValue, activityTitle($0)) }, .careLeavers, reads: reads(.list9, Column.dateOfBirth, Column.clActivity),
                  "Care leavers aged 19–21 in education, employment or training who are in GROUP, as a number and a share.",
                  { c in c.careLeavers19to21.filter { if case .eet = $0.activity { true } else { false } } }) { _, l in
            l.activityDetail.map { .group($0.rawValue) } ?? .noGroup
        },

        // MARK: Youth offending (yot.csv)
        count(d("yot.open", "Open YOT cases", short: "Open cases", .yot, .count, .none, reads: reads(.yot, Column.yotOrderStart, Column.yotOrderEnd),
                team: true, headline: 1, "Youth justice orders open at the reporting date."), { $0.youthCasesOpen }, team: { $0.team }),
        count(d("yot.fte", "First-time entrants", .yot, .count, .low, reads: reads(.yot, Column.yotFTE), headline: 2,
                "Young people entering the youth justice system for the first time in the month."), { c in
            c.distinctChildren(c.rows.youthOffending) { c.inMonth($0.firstTimeEntrant) }
        }),
        rate(d("yot.fte_rate_12m", "First-time entrants per 100,000 (12 months)", .yot, .per_100k, .low, reads: reads(.yot, Column.yotFTE),
               "First-time entrants in the last 12 months per 100,000 young people aged 10–17."),
             per: 100_000, population: \.age10to17) { c in
            c.distinctChildren(c.rows.youthOffending) { c.inLast12Months($0.firstTimeEntrant) == true }.count
        },
        count(d("yot.custody_ytd", "Custodial sentences YTD", short: "Custody YTD", .yot, .count, .low, reads: reads(.yot, Column.yotCustody),
                headline: 3, "Custodial sentences since 1 April."), { c in c.rows.youthOffending.filter { c.inYTD($0.custodialSentence) } }),
        share(d("yot.intensive", "Statutory cases assessed intensive", .yot, .percent, .none,
                reads: reads(.yot, Column.yotOrderStart, Column.yotOrderEnd, Column.yotOrderType, Column.yotIntensity),
                "Of open statutory cases, the share assessed as intensive on the scaled approach."),
              { $0.youthStatutoryOpen }) { _, y in y.intensity == .bad ? nil : y.intensity == .intensive },
        share(d("yot.gang", "Confirmed gang members", .yot, .percent, .none, reads: reads(.yot, Column.yotOrderStart, Column.yotOrderEnd, Column.yotGang),
                "Of open cases, the share of young people who are confirmed gang members."),
              { $0.youthCasesOpen }) { _, y in y.gangMember == .bad ? nil : y.gangMember == .yes },
        share(d("yot.ete", "ETE at order end", .yot, .percent, .high, reads: reads(.yot, Column.yotOrderEnd, Column.yotETE), headline: 4,
                "Of orders that ended in the previous calendar quarter, the share in education, training or employment at the end."),
              { $0.youthOrdersEndedLastQuarter }) { _, y in y.eteAtOrderEnd == .bad ? nil : y.eteAtOrderEnd == .yes },

        // MARK: Quality assurance (audits.csv)
        count(d("qa.audits", "Case-file audits", short: "Audits", .qa, .count, .none, reads: reads(.audits, Column.auditDate, Column.auditDomain),
                team: true, teamBy: Column.auditServiceArea, headline: 1,
                "Case-file audits dated in the month (a row whose domain is Overall), by service area."),
              { $0.auditsInMonth }, team: { $0.serviceArea }),
        share(d("qa.good", "Audits graded good or better", short: "Good or better", .qa, .percent, .high,
                reads: reads(.audits, Column.auditDate, Column.auditDomain, Column.auditGrade), team: true, teamBy: Column.auditServiceArea, headline: 2,
                "Of the month's audits with a grade, the share graded good or outstanding."),
              { $0.auditsInMonth }, team: { $0.serviceArea }) { _, a in gradedGoodOrBetter(a) },
        share(d("qa.inadequate", "Audits graded inadequate", short: "Inadequate", .qa, .percent, .low,
                reads: reads(.audits, Column.auditDate, Column.auditDomain, Column.auditGrade), team: true, teamBy: Column.auditServiceArea, headline: 3,
                "Of the month's audits with a grade, the share graded inadequate."),
              { $0.auditsInMonth }, team: { $0.serviceArea }) { _, a in gradedInadequate(a) },
        breakdown("qa.grade", heading: "Audit grades", AuditGrade.allCases.map { ($0.rawValue, gradeTitle($0)) }, .qa,
                  reads: reads(.audits, Column.auditDate, Column.auditDomain, Column.auditGrade), team: (Column.auditServiceArea, { $0.serviceArea }),
                  "The month's audits graded GROUP, as a number and a share.", { $0.auditsInMonth }) { _, a in
            a.grade.map { .group($0.rawValue) } ?? .unreadable
        },
        breakdown("qa.domain_grade", heading: "Domain grades", AuditGrade.allCases.map { ($0.rawValue, gradeTitle($0)) }, .qa,
                  reads: reads(.audits, Column.auditDate, Column.auditDomain, Column.auditGrade), team: (Column.auditDomain, { $0.domain }),
                  "The month's domain gradings graded GROUP, as a number and a share.", { $0.domainGradingsInMonth }) { _, a in
            a.grade.map { .group($0.rawValue) } ?? .unreadable
        },
        share(d("qa.domain_good", "Domains graded good or better", short: "Domains good+", .qa, .percent, .high,
                reads: reads(.audits, Column.auditDate, Column.auditDomain, Column.auditGrade), team: true, teamBy: Column.auditDomain, headline: 4,
                "Of the month's domain gradings with a grade, the share graded good or outstanding."),
              { $0.domainGradingsInMonth }, team: { $0.domain }) { _, a in gradedGoodOrBetter(a) },
        share(d("qa.domain_inadequate", "Domains graded inadequate", short: "Domains inadequate", .qa, .percent, .low,
                reads: reads(.audits, Column.auditDate, Column.auditDomain, Column.auditGrade), team: true, teamBy: Column.auditDomain,
                "Of the month's domain gradings with a grade, the share graded inadequate."),
              { $0.domainGradingsInMonth }, team: { $0.domain }) { _, a in gradedInadequate(a) },

        // MARK: Workforce (workforce.csv, with Lists 6–9)
        count(d("wf.social_workers", "Social workers", .workforce, .count, .none,
                reads: reads(.workforce, Column.staffRole, Column.staffStart, Column.staffEnd), team: true, teamBy: Column.staffTeam, headline: 1,
                "Social workers in post at the reporting date (staff whose role is a social worker's)."),
              { $0.socialWorkers }, team: { $0.team }),
        share(d("wf.agency", "Agency social workers", short: "Agency", .workforce, .percent, .low,
                reads: reads(.workforce, Column.staffRole, Column.staffStart, Column.staffEnd, Column.staffAgency), team: true,
                teamBy: Column.staffTeam, headline: 2, "Of social workers in post, the share employed through an agency."),
              { $0.socialWorkers }, team: { $0.team }) { _, m in m.agency == .bad ? nil : m.agency == .yes },
        share(d("wf.supervision_in_time", "Supervision in time", .workforce, .percent, .high,
                reads: reads(.workforce, Column.staffRole, Column.staffStart, Column.staffEnd, Column.staffSupervision), team: true,
                teamBy: Column.staffTeam, headline: 3,
                "Of social workers in post, the share supervised within the last 20 working days (none recorded is not in time)."),
              { $0.socialWorkers }, team: { $0.team }) { c, m in
            switch m.lastSupervision {
            case .bad: return nil
            case .blank: return false
            case .day(let d): return c.wd(d, c.asAt) <= 20
            }
        },
        custom(d("wf.caseload", "Average caseload", short: "Caseload", .workforce, .average, .low,
                 reads: reads(.workforce, Column.staffRole, Column.staffStart, Column.staffEnd), team: true, teamBy: Column.staffTeam, headline: 4,
                 "Children in need, on plans, in care or leaving care allocated per social worker (a team's, or a service's teams' together).")) { c, _, def in
            // Needs at least one of Lists 6–9 besides the staff list; without them it is absent.
            guard let caseloads = c.caseloads else { return [] }
            var out = [Kernel.averageValue(def, team: nil, c.socialWorkers.reduce(0) { $0 + (caseloads[StaffMember.nameKey($1.worker)] ?? 0) },
                                           c.socialWorkers.count)]
            var teams: [String: (children: Int, workers: Int)] = [:]
            for m in c.socialWorkers {
                var t = teams[m.team, default: (0, 0)]
                t.children += caseloads[StaffMember.nameKey(m.worker)] ?? 0
                t.workers += 1
                teams[m.team] = t
            }
            for name in teams.keys.sorted() {
                guard let t = teams[name] else { continue }
                out.append(Kernel.averageValue(def, team: name, t.children, t.workers))
            }
            return out
        },
    ]

    static func sourceTitle(_ g: SourceGroup) -> String {
        switch g {
        case .police: "Police / legal agency"
        case .education: "Schools / education"
        case .health: "Health services"
        case .la_services: "LA services"
        case .other: "Other (incl. individuals, unknown)"
        }
    }

    /// A period of care's placement, as a breakdown places it.
    static func placement(_ c: ChildInCare) -> Kernel.Placement {
        switch c.placementType {
        case .value(let p): .group(p.rawValue)
        case .blank: .noGroup
        case .bad: .unreadable
        }
    }

    /// Adoptions and special guardianship orders among the periods of care ended this year: two
    /// groups of one base (a reason that cannot be read leaves it; a blank or other reason stays).
    static func ceasedReasons(_ adopted: IndicatorDefinition, _ sgo: IndicatorDefinition) -> Measure {
        Measure(definitions: [adopted, sgo]) { c, _ in
            Kernel.breakdown([("adopted", adopted), ("sgo", sgo)], c.childrenInCareCeasedYTD) { ch in
                switch ch.reasonCeased {
                case .value(.adopted): .group("adopted")
                case .value(.sgo): .group("sgo")
                case .value(.other), .blank: .noGroup
                case .bad: .unreadable
                }
            }
        }
    }

    /// Good or outstanding, of an audit or grading with a grade; nil when it has none (not
    /// graded) or its grade cannot be read.
    static func gradedGoodOrBetter(_ a: CaseAudit) -> Bool? {
        guard let g = a.grade, g != .not_graded else { return nil }
        return g == .good || g == .outstanding
    }

    static func gradedInadequate(_ a: CaseAudit) -> Bool? {
        guard let g = a.grade, g != .not_graded else { return nil }
        return g == .inadequate
    }

    static func needTitle(_ n: PrimaryNeed) -> String {
        switch n {
        case .n0: "N0: Not stated"
        case .n1: "N1: Abuse or neglect"
        case .n2: "N2: Child's disability"
        case .n3: "N3: Parental illness or disability"
        case .n4: "N4: Family in acute stress"
        case .n5: "N5: Family dysfunction"
        case .n6: "N6: Socially unacceptable behaviour"
        case .n7: "N7: Low income"
        case .n8: "N8: Absent parenting"
        case .n9: "N9: Cases other than children in need"
        }
    }

    static func genderTitle(_ g: Gender) -> String {
        switch g {
        case .male: "Male"
        case .female: "Female"
        case .other: "Other"
        case .not_recorded: "Not recorded"
        }
    }

    static func ethnicTitle(_ e: EthnicGroup) -> String {
        switch e {
        case .white: "White"
        case .mixed: "Mixed"
        case .asian: "Asian or Asian British"
        case .black: "Black or Black British"
        case .other: "Other ethnic group"
        case .not_recorded: "Not recorded"
        }
    }

    static func placementTitle(_ p: PlacementGroup) -> String {
        switch p {
        case .foster: "Foster care"
        case .adoption: "Placed for adoption"
        case .parents: "With parents"
        case .semi_independent: "Semi-independent living"
        case .residential: "Residential care"
        case .other: "Other placements"
        }
    }

    /// SSDA903's types of accommodation, by letter.
    static func accommodationTitle(_ a: AccommodationType) -> String {
        switch a {
        case .b: "B: With parents or relatives"
        case .c: "C: Community home or other residential care"
        case .d: "D: Semi-independent, transitional accommodation"
        case .e: "E: Supported lodgings"
        case .g: "G: Gone abroad"
        case .h: "H: Deported"
        case .k: "K: Ordinary lodgings"
        case .r: "R: Residence not known"
        case .s: "S: No fixed abode or homeless"
        case .t: "T: Foyers"
        case .u: "U: Independent living"
        case .v: "V: Emergency accommodation"
        case .w: "W: Bed and breakfast"
        case .x: "X: In custody"
        case .y: "Y: Other accommodation"
        case .z: "Z: With former foster carers"
        }
    }

    static func activityTitle(_ a: ActivityDetail) -> String {
        switch a {
        case .higher_education: "Higher education"
        case .other_education: "Other education"
        case .training_employment: "Training or employment"
        }
    }

    static func gradeTitle(_ g: AuditGrade) -> String {
        switch g {
        case .outstanding: "Outstanding"
        case .good: "Good"
        case .ri: "Requires improvement"
        case .inadequate: "Inadequate"
        case .not_graded: "Not graded"
        }
    }

    static func legalTitle(_ g: LegalGroup) -> String {
        switch g {
        case .ico: "Interim care order"
        case .co: "Full care order"
        case .s20: "Section 20"
        case .po: "Placement order"
        case .epo: "Emergency protection"
        case .yj: "Youth justice (remand)"
        case .other: "Other or missing"
        }
    }
}

/// The parts of a case a visit indicator reads: whose, whose team and worker, when the
/// episode started and when the child was last visited (or seen).
struct VisitSubject {
    let child: String
    let team: String
    let worker: String
    let start: DateField
    let visit: DateField

    init(child: String, team: String, worker: String, start: DateField, visit: DateField) {
        self.child = child
        self.team = team
        self.worker = worker
        self.start = start
        self.visit = visit
    }

    init(_ p: ChildProtectionPlan) { self.init(child: p.child, team: p.team, worker: p.worker, start: p.start, visit: p.lastVisit) }

    /// The day the timeliness counts from: the last visit on this episode, or the start when
    /// none is recorded; nil when a date it needs is unreadable.
    var reference: Day? {
        guard let s = start.day else { return nil }
        switch Cohorts.sinceStart(visit, s) {
        case .day(let v): return v
        case .blank: return s
        case .bad: return nil
        }
    }
}

extension Cohorts {
    /// Children in care whose care started at least 12 months before R.
    var inCareTwelveMonths: [ChildInCare] {
        let since = asAt.addingMonths(-12)
        return childrenInCareOpen.filter { $0.started.day.map { $0 <= since } ?? false }
    }

    /// The first row of each distinct child (non-blank ID) among rows passing `include`.
    func distinctChildren<Row>(_ rows: [Row], _ include: (Row) -> Bool) -> [Row] where Row: HasChild {
        var seen = Set<String>()
        return rows.filter { include($0) && !$0.child.isEmpty && seen.insert($0.child).inserted }
    }
}

protocol HasChild { var child: String { get } }
extension YouthOffendingCase: HasChild {}

extension String {
    func replacingGroup(with group: String, keepCase: Bool = false) -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: "GROUP") {
            // "Police / legal agency" reads as "police / legal agency"; "LA services" keeps its capitals.
            let chars = Array(group)
            // ("N1: Abuse or neglect" and "U: Independent living" keep theirs too.)
            let keepCase = keepCase || (chars.count > 1 && (chars[1].isUppercase || !chars[1].isLetter))
            out += rest[..<r.lowerBound] + (keepCase ? group : group.prefix(1).lowercased() + group.dropFirst())
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
