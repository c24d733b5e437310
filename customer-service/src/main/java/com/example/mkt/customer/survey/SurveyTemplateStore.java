package com.example.mkt.customer.survey;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.segment.SegmentEntity;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;

import io.quarkus.panache.common.Parameters;

/** Survey templates: lookups, the filtered list and writes (indexes survey_template_active, _segment). */
@ApplicationScoped
public class SurveyTemplateStore {

    /** The template, or 404; an id longer than the column cannot exist, so it is not looked up. */
    public SurveyTemplateEntity require(String id) {
        SurveyTemplateEntity t = find(id);
        if (t == null) {
            throw ApiException.notFound("survey template", id);
        }
        return t;
    }

    public SurveyTemplateEntity find(String id) {
        return id.length() > 64 ? null : SurveyTemplateEntity.findById(id);
    }

    /** Ordered by id; {@code active} and {@code segmentId} narrow when given. */
    public List<SurveyTemplateEntity> page(Boolean active, String segmentId, PageRequest page) {
        StringBuilder q = new StringBuilder("id > :after");
        Parameters p = Parameters.with("after", page.first() ? "" : page.after().get(0));
        if (active != null) {
            q.append(" and active = :active");
            p.and("active", active);
        }
        if (segmentId != null) {
            q.append(" and segmentId = :segment");
            p.and("segment", segmentId);
        }
        return SurveyTemplateEntity.<SurveyTemplateEntity>find(q + " order by id", p).page(0, page.fetchSize())
                .list();
    }

    public boolean segmentExists(String segmentId) {
        return SegmentEntity.findById(segmentId) != null;
    }

    /** Inserts at once, so that the version the caller answers with is the stored one. */
    public void insert(SurveyTemplateEntity t) {
        t.persist();
        flush();
    }

    /** Writes pending changes now, so that the version the caller answers with is the stored one. */
    public void flush() {
        SurveyTemplateEntity.getEntityManager().flush();
    }
}
