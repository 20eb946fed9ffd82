package io.refgate.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads what the gateway stored, straight from PostgreSQL. */
public final class Db {
  private Db() {
  }

  public static long count(String sql, Object... params) {
    return ((Number) one(sql, params)).longValue();
  }

  /** Changes rows behind the gateway's back, for states a test cannot wait for. */
  public static int update(String sql, Object... params) {
    try (Connection db = TestEnvironment.jdbc(); PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      return st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Object one(String sql, Object... params) {
    List<Map<String, Object>> rows = rows(sql, params);
    if (rows.size() != 1) {
      throw new IllegalStateException("expected one row, got " + rows.size() + " for " + sql);
    }
    return rows.get(0).values().iterator().next();
  }

  public static List<Map<String, Object>> rows(String sql, Object... params) {
    try (Connection db = TestEnvironment.jdbc(); PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new java.util.LinkedHashMap<>();
          for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
